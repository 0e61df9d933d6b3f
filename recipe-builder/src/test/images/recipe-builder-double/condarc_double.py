"""condarc_double: the condarc search path of conda, for the TEST DOUBLES in this image only (not conda).

conda reads these files in order, later ones overriding earlier keys (conda/base/constants.py
SEARCH_PATH): /etc/conda/.condarc, /etc/conda/condarc, <root prefix>/.condarc, <root prefix>/condarc,
~/.config/conda/.condarc, ~/.conda/.condarc, ~/.condarc, $CONDARC. Unreadable files are skipped.
"""
import os

import yaml

ROOT_PREFIX = "/opt/conda"
DEFAULTS = {"channel_priority": "flexible"}


def search_path():
    home = os.path.expanduser("~")
    paths = ["/etc/conda/.condarc", "/etc/conda/condarc", os.path.join(ROOT_PREFIX, ".condarc"),
             os.path.join(ROOT_PREFIX, "condarc"), os.path.join(home, ".config", "conda", ".condarc"),
             os.path.join(home, ".conda", ".condarc"), os.path.join(home, ".condarc")]
    if os.environ.get("CONDARC"):
        paths.append(os.environ["CONDARC"])
    return paths


def load():
    """The merged configuration: DEFAULTS, then each readable file of the search path."""
    merged = dict(DEFAULTS)
    for path in search_path():
        try:
            with open(path) as f:
                data = yaml.safe_load(f) or {}
        except OSError:
            continue
        for key, value in data.items():
            if isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
    return merged
