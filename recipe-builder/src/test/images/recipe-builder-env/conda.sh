# conda.sh: TEST DOUBLE of conda's shell hook (/opt/conda/etc/profile.d/conda.sh), for recipe-builder's
# tests only. `conda activate [base]` puts /opt/conda/bin first on PATH and sets CONDA_PREFIX,
# CONDA_DEFAULT_ENV, CONDA_SHLVL as conda does for base; other sub-commands go to $CONDA_EXE.
export CONDA_EXE=/opt/conda/bin/conda
conda() {
  if [ "$1" = activate ]; then
    case ":$PATH:" in *:/opt/conda/bin:*) ;; *) PATH="/opt/conda/bin:$PATH" ;; esac
    export PATH CONDA_PREFIX=/opt/conda CONDA_DEFAULT_ENV=base CONDA_SHLVL=1
  else
    "$CONDA_EXE" "$@"
  fi
}
