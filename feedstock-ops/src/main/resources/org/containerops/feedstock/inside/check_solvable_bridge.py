# Bridge from feedstock-ops' Java container side to the solver check of the production image
# (conda_forge_feedstock_ops.check_solvable.is_recipe_solvable, run locally inside the container).
# Unlike upstream's container CLI (__main__.py:362-370), solver and fail_fast are forwarded.
# Writes {"solvable": bool, "errors": [...], "solvable_by_variant": {...}} to the output file;
# never prints to stdout.
import argparse
import json
import logging
import sys

parser = argparse.ArgumentParser()
parser.add_argument("feedstock_dir")
parser.add_argument("out")
parser.add_argument("--log-level", default="info")
parser.add_argument("--timeout", type=int, default=600)
parser.add_argument("--additional-channels", default=None)
parser.add_argument("--build-platform", default=None)
parser.add_argument("--solver", default="rattler")
parser.add_argument("--fail-fast", action="store_true")
args = parser.parse_args()
logging.basicConfig(stream=sys.stderr, level=args.log_level.upper())
sys.stdout = sys.stderr

try:
    from conda_forge_feedstock_ops.check_solvable import is_recipe_solvable
except ImportError as e:  # exit 3: PythonBridge reports the missing module as a missing tool
    print("feedstock-ops bridge: python module %s is not installed" % e.name, file=sys.stderr)
    sys.exit(3)

solvable, errors, by_variant = is_recipe_solvable(
    args.feedstock_dir,
    additional_channels=args.additional_channels.split(",") if args.additional_channels else None,
    timeout=args.timeout,
    build_platform=json.loads(args.build_platform) if args.build_platform else None,
    solver=args.solver,
    fail_fast=args.fail_fast,
    use_container=False,
)
with open(args.out, "w") as f:
    json.dump({"solvable": solvable, "errors": errors, "solvable_by_variant": by_variant}, f)
