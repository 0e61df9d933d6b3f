# oci-mirror: mirror the fixture channel and a generated channel (BENCH_MIRROR_PACKAGES, default 2000
# real .tar.bz2 packages) into a local docker-registry: first run, unchanged re-run, pull-cache; then
# read and plan a generated repodata.json (BENCH_REPODATA_MB, default 200) with -Xmx512m.
MIRROR_CP="$(ls "$ROOT"/oci-mirror/target/oci-mirror-*-cli.jar):$ROOT/oci-mirror/target/test-classes"
OCI_TMP=$(mktemp -d)
OCI_REG_PID=
oci_cleanup() { if [ -n "$OCI_REG_PID" ]; then kill "$OCI_REG_PID" 2>/dev/null || true; wait "$OCI_REG_PID" 2>/dev/null || true; fi; [ -n "${OCI_KEEP_LOG:-}" ] && cp "$OCI_TMP/registry.log" "$OCI_KEEP_LOG"; rm -rf "$OCI_TMP"; }
trap oci_cleanup EXIT
OCI_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$OCI_TMP/registry.yml" <<YAML
version: 0.1
log: {level: ${OCI_REGISTRY_LOG_LEVEL:-error}}
storage: {filesystem: {rootdirectory: $OCI_TMP/registry-data}}
http: {addr: "127.0.0.1:$OCI_PORT"}
YAML
docker-registry serve "$OCI_TMP/registry.yml" </dev/null >"$OCI_TMP/registry.log" 2>&1 &
OCI_REG_PID=$!
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$OCI_PORT/v2/" >/dev/null 2>&1 && break; sleep 0.1; done

echo "## oci-mirror (docker-registry on loopback, 4 workers)"
echo
echo "| run | packages | wall time | uploads | rate |"
echo "|---|---|---|---|---|"
java -Dorg.slf4j.simpleLogger.log.land.oras=off -cp "$MIRROR_CP" org.containerops.mirror.bench.MirrorBench \
  mirror "127.0.0.1:$OCI_PORT" "$FIXTURES/conda/channel" "$OCI_TMP" "${BENCH_MIRROR_PACKAGES:-2000}"
# issue 12: pkg/s, registry requests per archive (from the registry's access log), client CPU, peak RSS,
# re-run seconds and PUTs; BENCH_SCALE_PACKAGES="2000 20000" for the second size (~17 min at 20 pkg/s)
for n in ${BENCH_SCALE_PACKAGES:-2000}; do
  java -Xmx256m -Dorg.slf4j.simpleLogger.log.land.oras=off -cp "$MIRROR_CP" org.containerops.mirror.bench.ScaleBench \
    "127.0.0.1:$OCI_PORT" "$OCI_TMP/registry.log" "$OCI_TMP" "$n"
done
java -Xmx512m -cp "$MIRROR_CP" org.containerops.mirror.bench.MirrorBench plan "$OCI_TMP" "${BENCH_REPODATA_MB:-200}"
