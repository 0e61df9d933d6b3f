# Start-up of every CLI as a whole process (issue 16 §1): each tool's `--help` through its launcher
# (target/release/<tool>/bin/<tool>: AppCDS archive, short-run JVM flags) and through `java -jar`;
# `container-runtime run` as a CLI process against `docker run --rm` with the same lock-down flags; and
# docker-pkg render of the 125-image corpus through the launcher against the reference Python
# docker-pkg when DOCKER_PKG_REFERENCE is a shell command that renders the same corpus with it, run in
# the corpus dir (upstream has no render-only sub-command: a harness driving its classes with the
# engine mocked, as shared/reference/docker-pkg.md §5 describes). It is not installable here from
# Debian or Maven Central, so without it the ratio is not printed.
# Targets: --help <= 0.3 s; run CLI <= 1.5 x docker run --rm; render <= 0.8 x the reference.
SU_RUNS=${BENCH_RUNS:-5}
su_ms() { echo $(( $(date +%s%N) / 1000000 )); }
su_median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
su_time() { local t0 out=(); for _ in $(seq "$SU_RUNS"); do t0=$(su_ms); "$@" >/dev/null 2>&1 || true; out+=($(( $(su_ms) - t0 ))); done; su_median "${out[@]}"; }
su_sum() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >> "${BENCH_SUMMARY:-$ROOT/target/bench-summary.tsv}"; }
mkdir -p "$ROOT/target"

echo "### CLI start-up: \`--help\` as a whole process (median of $SU_RUNS; load $(cut -d' ' -f1 /proc/loadavg))"
echo
echo "| tool | launcher | \`java -jar\` | target |"
echo "|---|---:|---:|---|"
worst=0
for launcher in "$ROOT"/*/target/release/*/bin/*; do
  tool=$(basename "$launcher")
  module=$(basename "$(dirname "$(dirname "$(dirname "$(dirname "$(dirname "$launcher")")")")")")
  jar=$(ls "$ROOT/$module"/target/"$module"-*-cli.jar | head -1)
  l=$(su_time "$launcher" --help); j=$(su_time java -jar "$jar" --help)
  [ "$l" -gt "$worst" ] && worst=$l
  printf '| %s | %d ms | %d ms | <= 300 ms: %s |\n' "$tool" "$l" "$j" "$([ "$l" -le 300 ] && echo met || echo NOT met)"
done
su_sum startup "slowest --help through a launcher" "$worst ms" - "<= 300 ms"

echo
SU_IMAGE=containerops/test-sandbox:latest
SU_SCRIPT='echo "{\"data\": {\"ok\": true}}"'
CRT="$ROOT/container-runtime/target/release/container-runtime/bin/container-runtime"
ours=(); theirs=()
"$CRT" run --image "$SU_IMAGE" -- sh -c "$SU_SCRIPT" >/dev/null  # warm the engine's caches
for _ in $(seq $(( SU_RUNS * 2 ))); do  # interleaved, so both see the same machine state
  t0=$(su_ms); "$CRT" run --image "$SU_IMAGE" -- sh -c "$SU_SCRIPT" >/dev/null; ours+=($(( $(su_ms) - t0 )))
  t0=$(su_ms)
  docker run --rm --network none --read-only --cap-drop=all --security-opt=no-new-privileges \
    --mount type=tmpfs,destination=/tmp,tmpfs-mode=1777,tmpfs-size=6000000000 -m 6291456000b --cpus 1 \
    --pids-limit 4096 --ulimit nofile=1024:1024 --ulimit nproc=2048:2048 "$SU_IMAGE" sh -c "$SU_SCRIPT" >/dev/null
  theirs+=($(( $(su_ms) - t0 )))
done
o=$(su_median "${ours[@]}"); t=$(su_median "${theirs[@]}")
ratio=$(awk -v a="$o" -v b="$t" 'BEGIN {printf "%.2f", a/b}')
echo "### \`container-runtime run\` as a CLI process vs \`docker run --rm\`, same flags ($(( SU_RUNS * 2 )) each, median)"
echo
echo "| path | median |"
echo "|---|---:|"
echo "| container-runtime launcher, \`run\` | $o ms |"
echo "| \`docker run --rm\` | $t ms |"
echo
echo "- ratio **$ratio** (target <= 1.5)"
su_sum container-runtime "run CLI process, median" "$o ms" "$ratio x docker run --rm" "<= 1.5"

echo
DP="$ROOT/docker-pkg/target/release/docker-pkg/bin/docker-pkg"
SU_CORPUS=$FIXTURES/docker-pkg/production-images
SU_OUT=$(mktemp -d)
ours=()
for _ in $(seq "$SU_RUNS"); do
  rm -rf "$SU_OUT/j"; t0=$(su_ms)
  "$DP" render "$SU_CORPUS/images" -c "$SU_CORPUS/config.yaml" --output "$SU_OUT/j" >/dev/null 2>&1
  ours+=($(( $(su_ms) - t0 )))
done
o=$(su_median "${ours[@]}")
echo "### docker-pkg render (125 images) through the launcher: $o ms median"
if [ -n "${DOCKER_PKG_REFERENCE:-}" ]; then
  theirs=()
  for _ in $(seq "$SU_RUNS"); do
    t0=$(su_ms)
    (cd "$SU_CORPUS" && eval "$DOCKER_PKG_REFERENCE" >/dev/null 2>&1 || true)
    theirs+=($(( $(su_ms) - t0 )))
  done
  t=$(su_median "${theirs[@]}")
  ratio=$(awk -v a="$o" -v b="$t" 'BEGIN {printf "%.2f", a/b}')
  echo "- reference ($DOCKER_PKG_REFERENCE): $t ms; ratio **$ratio** (target <= 0.8)"
  su_sum docker-pkg "render 125 images, launcher" "$o ms" "$ratio x reference Python" "<= 0.8"
else
  echo "- reference Python docker-pkg not given (DOCKER_PKG_REFERENCE unset): ratio not measured"
  su_sum docker-pkg "render 125 images, launcher" "$o ms" "reference not installed" "<= 0.8 x reference"
fi
rm -rf "$SU_OUT"
