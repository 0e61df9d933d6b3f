# summary: one Markdown table of every tool's headline benchmark figures, from the lines the earlier
# parts append to $BENCH_SUMMARY (default $ROOT/target/bench-summary.tsv). One line per figure, tab-separated:
#   tool <TAB> figure <TAB> value (with its unit) <TAB> ratio to the baseline ("-" if none) <TAB> target ("-" if none)
# e.g. printf '%s\t%s\t%s\t%s\t%s\n' docker-pkg "render 125 images, CLI wall, median" "1.93 s" "2.14 vs upstream 0.9 s" "-" \
#        >> "${BENCH_SUMMARY:-$ROOT/target/bench-summary.tsv}"
# The file is read and removed here, so every `scripts/bench` run starts from an empty one. Parts that
# appended nothing are listed as such (their own tables above still have their figures).
SUMMARY_FILE=${BENCH_SUMMARY:-$ROOT/target/bench-summary.tsv}
echo "## Summary: every tool's headline figures"
echo
echo "| tool | figure | value | ratio | target |"
echo "|---|---|---|---|---|"
reported=()
if [ -s "$SUMMARY_FILE" ]; then
  while IFS=$'\t' read -r tool figure value ratio target; do
    [ -n "$tool" ] || continue
    printf '| %s | %s | %s | %s | %s |\n' "$tool" "$figure" "$value" "${ratio:--}" "${target:--}"
    reported+=("$tool")
  done < "$SUMMARY_FILE"
fi
for part in "$ROOT"/scripts/bench.d/*.sh; do
  tool=$(basename "$part" .sh); tool=${tool#[0-9][0-9]-}
  [ "$tool" = summary ] && continue
  if ! printf '%s\n' "${reported[@]}" | grep -qx "$tool"; then
    printf '| %s | (no summary line; see its own table above) | - | - | - |\n' "$tool"
  fi
done
rm -f "$SUMMARY_FILE"

# Measured here for every tool alike: start-up of each CLI jar (`--version`, BENCH_RUNS runs, default 3,
# median) against a bare `java -version` on the same JVM: what each one-shot CLI call costs before work.
sum_ms() { echo $(( $(date +%s%N) / 1000000 )); }
sum_median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
sum_time() { local t0 out=(); for _ in $(seq "${BENCH_RUNS:-3}"); do t0=$(sum_ms); "$@" >/dev/null 2>&1 || true; out+=($(( $(sum_ms) - t0 ))); done; sum_median "${out[@]}"; }
JVM_MS=$(sum_time java -version)
echo
echo "### CLI start-up (\`--version\`, median of ${BENCH_RUNS:-3}) against a bare \`java -version\` ($JVM_MS ms)"
echo
echo "| tool | start-up | ratio to bare JVM |"
echo "|---|---|---|"
for module_dir in "$ROOT"/*/; do
  module=$(basename "$module_dir")
  jar=$(ls "$module_dir"target/"$module"-*-cli.jar 2>/dev/null | head -1 || true)
  [ -n "$jar" ] || continue
  ms=$(sum_time java -jar "$jar" --version)
  printf '| %s | %d ms | %s |\n' "$module" "$ms" \
    "$(awk -v a="$ms" -v b="$JVM_MS" 'BEGIN {printf "%.1f", a/b}')"
done
