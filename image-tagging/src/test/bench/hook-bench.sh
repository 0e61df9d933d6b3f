#!/usr/bin/env bash
# image-tagging vs the upstream way (issue 13 §3), all-spark-notebook's hierarchy (13 taggers, 4 manifests:
# 11 tagger commands, 8 manifest commands) on containerops/test-tagging-tools, RUNS alternating rounds
# (default 3) after one warm-up round. Run from anywhere after `mvn -pl image-tagging package` and
# scripts/setup. Prints:
#  - the upstream-style floor: what upstream's apps do, from a shell: one `docker run -d IMAGE sleep infinity`,
#    one `docker exec` per command, `docker rm -f`; write_tags_file (11 commands) and write_manifest (11 + 8)
#    as two such runs;
#  - ours: `image-tagging write-tags-file` + `image-tagging write-manifest` as two processes (the launcher,
#    JVM start included), and `image-tagging hook` (one process, one container; also applies the 14 tags,
#    which the floor does not do);
#  - the two ratios of issue 13 §3 (targets: two processes <= 1.0 x floor; hook <= 0.5 x floor);
#  - phase timings of one `hook --timings` run (where the time goes).
# Appends one line to $BENCH_SUMMARY when set.
set -euo pipefail
RUNS=${1:-${BENCH_RUNS:-3}}
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
LAUNCHER=$ROOT/image-tagging/target/release/image-tagging/bin/image-tagging
if [ ! -x "$LAUNCHER" ]; then LAUNCHER="java -jar $(ls "$ROOT"/image-tagging/target/image-tagging-*-cli.jar)"; fi
SRC=containerops/test-tagging-tools:latest
REPO=localhost:5000/containerops-bench/all-spark-notebook
W=$(mktemp -d)
untag_all() {
  local f tag
  for f in "$W"/*/tags/*.txt; do
    [ -f "$f" ] && while read -r tag; do if [ -n "$tag" ]; then docker rmi --no-prune "$tag" >/dev/null 2>&1 || true; fi; done < <(cat "$f"; echo)
  done
  return 0
}
# the floor's containers carry a label of this run, so an interrupted bench removes them too
FLOOR_LABEL=org.containerops.bench=hook-bench-$$
remove_floor_containers() { docker ps -aq --filter "label=$FLOOR_LABEL" | xargs -r docker rm -f >/dev/null 2>&1 || true; }
trap 'remove_floor_containers; untag_all; docker rmi --no-prune "$REPO:latest" >/dev/null 2>&1 || true; rm -rf "$W"' EXIT
docker tag "$SRC" "$REPO:latest"
TAGGER_CMDS=("cat /etc/os-release" "python --version" "python --version" "mamba --version" "conda --version"
  "jupyter-notebook --version" "jupyter-lab --version" "jupyterhub --version" "spark-submit --version"
  "java --version" "R --version")
MANIFEST_CMDS=("python --version" "conda info" "mamba info" "mamba list" "apt list --installed"
  "/usr/local/spark/bin/spark-submit --version" "R --version" "R --silent -e installed.packages(.Library)[,c(1,3)]")
now() { date +%s%N; }
upstream_run() { # one upstream app: docker run -d, one docker exec per command, docker rm -f
  local id c; id=$(docker run -d --network none --label "$FLOOR_LABEL" "$REPO" sleep infinity)
  for c in "$@"; do docker exec "$id" $c >/dev/null 2>&1; done
  docker rm -f "$id" >/dev/null
}
floor() { upstream_run "${TAGGER_CMDS[@]}"; upstream_run "${TAGGER_CMDS[@]}" "${MANIFEST_CMDS[@]}"; }
COMMON=(--registry localhost:5000 --owner containerops-bench --image all-spark-notebook --variant default --git-dir "$ROOT")
two_processes() {
  $LAUNCHER write-tags-file "${COMMON[@]}" --tags-dir "$W/two/tags" >/dev/null 2>&1
  $LAUNCHER write-manifest "${COMMON[@]}" --hist-lines-dir "$W/two/hist" --manifests-dir "$W/two/man" \
    --repository o/r >/dev/null 2>&1
}
hook() { $LAUNCHER hook "${COMMON[@]}" --dir "$W/hook" --repository o/r --no-sbom >/dev/null 2>&1; untag_all; }
hook_sbom() { $LAUNCHER hook "${COMMON[@]}" --dir "$W/hooks" --repository o/r --sbom >/dev/null 2>&1; untag_all; }
ms() { local start; start=$(now); "$@" >/dev/null; echo $(( ($(now) - start) / 1000000 )); }
F=() T=() H=() S=()
floor; two_processes; hook   # warm-up: page cache, CDS archive, image layers
for _ in $(seq "$RUNS"); do
  F+=("$(ms floor)"); T+=("$(ms two_processes)"); H+=("$(ms hook)"); S+=("$(ms hook_sbom)")
done
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:int((a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
MF=$(med "${F[@]}") MT=$(med "${T[@]}") MH=$(med "${H[@]}") MS=$(med "${S[@]}")
echo "## image-tagging vs upstream-style shell floor: all-spark-notebook (19+11 commands), $RUNS alternating runs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| path | median ms | runs ms | / floor |"
echo "|---|---|---|---|"
echo "| floor: write_tags_file + write_manifest the upstream way (2 x docker run -d + exec per command + rm -f) | $MF | ${F[*]} | 1.00 |"
echo "| ours: write-tags-file + write-manifest, two processes (target <= 1.0) | $MT | ${T[*]} | $(ratio "$MT" "$MF") |"
echo "| ours: hook, one process, one container, tags applied (target <= 0.5) | $MH | ${H[*]} | $(ratio "$MH" "$MF") |"
echo "| ours: hook --sbom (plus the CycloneDX SBOM) | $MS | ${S[*]} | $(ratio "$MS" "$MF") |"
echo
echo "Where hook's time goes (one run, --timings; phases overlap: git is read while the engine connects and the container starts):"
$LAUNCHER hook "${COMMON[@]}" --dir "$W/timed" --repository o/r --no-sbom --timings 2>&1 >/dev/null | sed -n 's/^timing /- /p'
untag_all
if [ -n "${BENCH_SUMMARY:-}" ]; then
  printf '%s\t%s\t%s\t%s\t%s\n' image-tagging "write-tags-file+write-manifest / hook vs upstream-style floor, median" \
    "$MT / $MH ms" "$(ratio "$MT" "$MF") / $(ratio "$MH" "$MF") x floor ($MF ms)" "targets 1.0 / 0.5" >> "$BENCH_SUMMARY"
fi
