# docker-pkg: render the 125-image production-images corpus (scan, order, render, write) as a whole
# CLI process (BENCH_RUNS, default 5, wall time incl. JVM start) and in-process (the same number of
# runs in one JVM: the first is cold, the rest warm), beside the reference's figures for upstream
# (shared/reference/docker-pkg.md §5.4: ~0.4 s in-process, ~0.9 s as a process, 2 cores).
DP_JAR=$(ls "$ROOT"/docker-pkg/target/docker-pkg-*-cli.jar)
DP_CORPUS=$FIXTURES/docker-pkg/production-images
DP_RUNS=${BENCH_RUNS:-5}
DP_OUT=$(mktemp -d)
trap 'rm -rf "$DP_OUT"' EXIT
dp_ms() { echo $(( $(date +%s%N) / 1000000 )); }

process=()
for i in $(seq "$DP_RUNS"); do
  rm -rf "$DP_OUT/render"
  t0=$(dp_ms)
  java -jar "$DP_JAR" render "$DP_CORPUS/images" -c "$DP_CORPUS/config.yaml" --output "$DP_OUT/render" > /dev/null 2>&1
  process+=($(( $(dp_ms) - t0 )))
done
[ "$(find "$DP_OUT/render" -name Dockerfile | wc -l)" = 125 ] || { echo "bench: render did not write 125 files" >&2; exit 1; }
mapfile -t inproc < <(java -cp "$DP_JAR:$ROOT/docker-pkg/target/test-classes" org.containerops.dockerpkg.bench.RenderBench \
  "$DP_CORPUS" $(( DP_RUNS + 1 )) | sed -n 's/^run [0-9]*: \([0-9]*\) ms.*/\1/p')

dp_stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.2f s (min %.2f, max %.2f)", a[int((NR+1)/2)]/1000, a[1]/1000, a[NR]/1000}'; }
echo
echo "### docker-pkg: render the 125-image corpus ($DP_RUNS runs, median)"
echo
echo "| measurement | Java (this machine) | upstream Python (reference §5.4) |"
echo "|---|---|---|"
echo "| whole CLI process, wall | $(dp_stats "${process[@]}") | 0.87–1.02 s (~0.9 s; 136 images) |"
echo "| in-process, first (cold) run | $(printf '%.2f s' "$(echo "${inproc[0]} / 1000" | bc -l)") | — |"
echo "| in-process, warm runs | $(dp_stats "${inproc[@]:1}") | 0.41–0.51 s (~0.4 s; 136 images) |"
mapfile -t dp_plan < <(java -cp "$DP_JAR:$ROOT/docker-pkg/target/test-classes" org.containerops.dockerpkg.bench.PlanBench \
  "$DP_CORPUS" $(( DP_RUNS + 1 )) | sed -n 's/^run [0-9]*: plan \([0-9]*\) ms, render \([0-9]*\) ms, 125 images, 0 to rebuild$/\1 \2/p')
[ "${#dp_plan[@]}" = $(( DP_RUNS + 1 )) ] || { echo "bench: PlanBench did not plan 125 images with 0 to rebuild" >&2; exit 1; }
dp_plan_ms=($(printf '%s\n' "${dp_plan[@]:1}" | cut -d' ' -f1)); dp_plan_render_ms=($(printf '%s\n' "${dp_plan[@]:1}" | cut -d' ' -f2))
echo "| in-process plan, nothing changed, warm (issue 16 §2) | $(dp_stats "${dp_plan_ms[@]}"); render in the same runs $(dp_stats "${dp_plan_render_ms[@]}") | — (upstream has no plan) |"
mkdir -p "$ROOT/target"
printf '%s\t%s\t%s\t%s\t%s\n' docker-pkg "plan 125 images, nothing changed, in-process median" "$(dp_stats "${dp_plan_ms[@]}" | cut -d' ' -f1-2)" "render $(dp_stats "${dp_plan_render_ms[@]}" | cut -d' ' -f1-2)" - >> "${BENCH_SUMMARY:-$ROOT/target/bench-summary.tsv}"
printf '%s\t%s\t%s\t%s\t%s\n' docker-pkg "render 125 images, CLI, median" \
  "$(dp_stats "${process[@]}" | cut -d' ' -f1-2)" \
  "$(printf '%s\n' "${process[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f x upstream 0.9 s", a[int((NR+1)/2)]/900}')" - \
  >> "${BENCH_SUMMARY:-$ROOT/target/bench-summary.tsv}"
