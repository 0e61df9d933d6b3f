# feedstock-ops: native names for the 9 fixture feedstocks in one JVM (cold pass, then warm), and
# whole CLI processes: names natively, names through a container, and a rerender through a container
# with the test image's conda-smithy DOUBLE (so the figure is our overhead, not conda-smithy's).
FO_JAR=$(ls "$ROOT"/feedstock-ops/target/feedstock-ops-*-cli.jar)
FO_RUNS=${BENCH_RUNS:-5}
FO_WORK=$(mktemp -d)
trap 'rm -rf "$FO_WORK"' EXIT
export CF_FEEDSTOCK_OPS_CONTAINER_NAME=containerops/test-feedstock-ops-double CF_FEEDSTOCK_OPS_CONTAINER_TAG=latest
export CF_FEEDSTOCK_OPS_CONTAINER_NETWORK=none
MOUNT_JAR="--extra-mount=$FO_JAR:/opt/feedstock-ops/feedstock-ops-cli.jar"
LLVM=$FIXTURES/feedstocks/llvmdev-feedstock
fo_ms() { echo $(( $(date +%s%N) / 1000000 )); }
fo_median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.2f s (min %.2f, max %.2f)", a[int((NR+1)/2)]/1000, a[1]/1000, a[NR]/1000}'; }
fo_time() { local t0; t0=$(fo_ms); "$@" >/dev/null 2>&1 || true; echo $(( $(fo_ms) - t0 )); }

echo "### feedstock-ops: parse-package-and-feedstock-names, native, in one JVM"
echo
echo '```'
java -cp "$FO_JAR:$ROOT/feedstock-ops/target/test-classes" org.containerops.feedstock.bench.ParseBench \
  "$FIXTURES/feedstocks" "$(( FO_RUNS + 1 ))"
echo '```'

native=(); container=(); rerender=()
for i in $(seq "$FO_RUNS"); do
  native+=("$(fo_time java -jar "$FO_JAR" parse-names --no-use-container "$LLVM")")
  container+=("$(fo_time java -jar "$FO_JAR" parse-names --quiet "$MOUNT_JAR" "$LLVM")")
  fs=$FO_WORK/ngmix-$i; cp -r "$FIXTURES/feedstocks/ngmix-blah" "$fs"; chmod -R u+w "$fs"
  git -C "$fs" init -q -b main && git -C "$fs" add -A && git -C "$fs" -c user.name=b -c user.email=b@b commit -q -m f
  rerender+=("$(fo_time java -jar "$FO_JAR" rerender --quiet "$MOUNT_JAR" "$fs")")
done
echo
echo "### feedstock-ops: whole CLI processes ($FO_RUNS runs, median wall time incl. JVM start)"
echo
echo "| command | wall |"
echo "|---|---|"
echo "| parse-names llvmdev, native | $(fo_median "${native[@]}") |"
echo "| parse-names llvmdev, in a container (JVM inside too) | $(fo_median "${container[@]}") |"
echo "| rerender ngmix-blah copy, in a container, conda-smithy-double | $(fo_median "${rerender[@]}") |"
mkdir -p "$ROOT/target" && printf '%s\t%s\t%s\t%s\t%s\n' feedstock-ops "rerender in container (double), CLI, median" \
  "$(fo_median "${rerender[@]}" | cut -d' ' -f1-2)" - - >> "${BENCH_SUMMARY:-$ROOT/target/bench-summary.tsv}"
