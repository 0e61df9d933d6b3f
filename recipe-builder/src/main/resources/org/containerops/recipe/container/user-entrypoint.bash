#!/bin/bash
# recipe-builder --user-mode USER: what a conda-forge/bioconda image's root entrypoint sets up
# (conda-forge/docker-images scripts/entrypoint), reproduced as the mapped user; then the build script.
set -e
mkdir -p "$HOME"
# The image's root condarc (channels, strict channel priority) becomes this user's, as the entrypoint copies it.
if [ -f /opt/recipe-builder-condarc ]; then
  cp /opt/recipe-builder-condarc "$HOME/.condarc"
  chmod 600 "$HOME/.condarc"
fi
# conda activated as the entrypoint's login shell does; else /opt/conda/bin on PATH when conda is not there.
if [ -f /opt/conda/etc/profile.d/conda.sh ]; then
  . /opt/conda/etc/profile.d/conda.sh
  conda activate base
elif ! command -v conda >/dev/null 2>&1 && [ -x /opt/conda/bin/conda ]; then
  export PATH="/opt/conda/bin:$PATH"
fi
cd "$HOME"
exec /bin/bash "$@"
