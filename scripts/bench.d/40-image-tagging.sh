# image-tagging: wall time to compute every tag and manifest of one image (all-spark-notebook's 13 taggers
# and 4 manifests: 20 commands in the image, on containerops/test-tagging-tools), N runs (BENCH_RUNS,
# default 5) after one warm-up each:
#  - image-tagging, library in a warm JVM: write-manifest (one locked-down container, exec per command),
#    one command at a time (upstream's order) and 4 at once (the default);
#  - image-tagging CLI: `java -jar ... write-manifest` (JVM start included);
#  - shell, the issue's baseline: `docker run -d ... sleep infinity`, the same 20 commands with
#    `docker exec`, `docker rm -f`;
#  - shell, naive upstream-style per-command containers: one `docker run --rm` per command.
RUNS=${BENCH_RUNS:-5}
TAG_JAR=$(ls image-tagging/target/image-tagging-*-cli.jar)
SRC=containerops/test-tagging-tools:latest
IMAGE=localhost:5000/containerops-bench/all-spark-notebook
BWORK=$(mktemp -d)
trap 'docker rmi --no-prune "$IMAGE:latest" >/dev/null 2>&1 || true; rm -rf "$BWORK"' EXIT
docker tag "$SRC" "$IMAGE:latest"
CMDS=(
  "cat /etc/os-release" "python --version" "python --version" "mamba --version" "conda --version"
  "jupyter-notebook --version" "jupyter-lab --version" "jupyterhub --version" "spark-submit --version"
  "java --version" "R --version"
  "python --version" "conda info" "mamba info" "mamba list" "apt list --installed"
  "/usr/local/spark/bin/spark-submit --version" "R --version" "R --silent -e installed.packages(.Library)[,c(1,3)]"
  "cat /etc/os-release")
now() { date +%s%N; }
shell_exec() {
  local id; id=$(docker run -d --rm -e XDG_CACHE_HOME=/tmp/.cache "$IMAGE" sleep infinity)
  for c in "${CMDS[@]}"; do docker exec "$id" $c >/dev/null 2>&1; done
  docker rm -f "$id" >/dev/null
}
shell_run() { for c in "${CMDS[@]}"; do docker run --rm -e XDG_CACHE_HOME=/tmp/.cache "$IMAGE" $c >/dev/null 2>&1; done; }
cli() {
  java -jar "$TAG_JAR" write-manifest --registry localhost:5000 --owner containerops-bench --image all-spark-notebook \
    --variant default --hist-lines-dir "$BWORK/h" --manifests-dir "$BWORK/m" --repository o/r --git-dir "$ROOT" 2>/dev/null >/dev/null
}
times() { local f=$1 out=() t; $f; for _ in $(seq "$RUNS"); do t=$(now); $f; out+=($(( ($(now) - t) / 1000000 ))); done; echo "${out[*]}"; }
lib() { java -cp "$TAG_JAR:image-tagging/target/test-classes" org.containerops.tagging.bench.TaggingBench "$RUNS" \
  localhost:5000 containerops-bench all-spark-notebook "$1" 2>/dev/null; }
LIB1=$(lib 1); LIB4=$(lib 4)
CLI=$(times cli); EXEC=$(times shell_exec); RUN=$(times shell_run)
stats() { tr ' ' '\n' <<<"$1" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%d | %d | %d", m, a[1], a[NR]}'; }
med() { tr ' ' '\n' <<<"$1" | sort -n | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
BASE=$(med "$EXEC")
echo "## image-tagging: all tags + manifests of one image (20 commands), $RUNS runs"
echo
echo "| path | median ms | min ms | max ms | median / shell docker exec |"
echo "|---|---|---|---|---|"
for row in "image-tagging library, warm JVM, one container, sequential (--parallelism 1)|$LIB1" \
           "image-tagging library, warm JVM, one container, 4 commands at once (default)|$LIB4" \
           "image-tagging CLI (java -jar, JVM start included, default)|$CLI" \
           "shell: docker run -d + 20 x docker exec + docker rm -f|$EXEC" "shell: 20 x docker run --rm (naive)|$RUN"; do
  name=${row%%|*}; vals=${row#*|}
  echo "| $name | $(stats "$vals") | $(awk -v a="$(med "$vals")" -v b="$BASE" 'BEGIN {printf "%.2f", a/b}') |"
done
mkdir -p "$ROOT/target" && printf '%s\t%s\t%s\t%s\t%s\n' image-tagging "20 commands, library default, median" \
  "$(med "$LIB4") ms" "$(awk -v a="$(med "$LIB4")" -v b="$BASE" 'BEGIN{printf "%.2f", a/b}') x docker exec loop" - \
  >> "${BENCH_SUMMARY:-$ROOT/target/bench-summary.tsv}"

# issue 13 §3: write-tags-file + write-manifest as two processes and hook, against the upstream-style
# floor (one `docker run -d` + one `docker exec` per command from a shell), ratios printed
BENCH_SUMMARY=${BENCH_SUMMARY:-$ROOT/target/bench-summary.tsv} bash image-tagging/src/test/bench/hook-bench.sh "${BENCH_RUNS:-3}"
