# Bridge from feedstock-ops' Java container side to conda-smithy's linter, run with the python of
# the production image's conda environment. Writes {"lints": [...], "hints": [...]} for one recipe
# directory to the output file; never prints to stdout (the container's stdout carries the reply).
# Follows conda_forge_feedstock_ops/lint.py:98-124 (conda_smithy.lint_recipe.main, conda_forge=True,
# return_hints=True).
import argparse
import json
import logging
import sys

parser = argparse.ArgumentParser()
parser.add_argument("recipe_dir")
parser.add_argument("out")
parser.add_argument("--log-level", default="info")
args = parser.parse_args()
logging.basicConfig(stream=sys.stderr, level=args.log_level.upper())
sys.stdout = sys.stderr

try:
    from conda_smithy.lint_recipe import main as lint_main
except ImportError as e:  # exit 3: PythonBridge reports the missing module as a missing tool
    print("feedstock-ops bridge: python module %s is not installed" % e.name, file=sys.stderr)
    sys.exit(3)

lints, hints = lint_main(args.recipe_dir, conda_forge=True, return_hints=True)
with open(args.out, "w") as f:
    json.dump({"lints": list(lints), "hints": list(hints)}, f)
