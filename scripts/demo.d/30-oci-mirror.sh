# oci-mirror: mirror the fixture conda channel into a local OCI registry, look at what is there,
# re-run (nothing to upload), pull it back into an empty cache laid out as a conda channel.
conda_oci() { "$ROOT"/oci-mirror/target/release/conda-oci/bin/conda-oci "$@"; }  # the launcher (AppCDS)
OCI_TMP=$(mktemp -d)
OCI_REG_PID=
oci_cleanup() { if [ -n "$OCI_REG_PID" ]; then kill "$OCI_REG_PID" 2>/dev/null || true; wait "$OCI_REG_PID" 2>/dev/null || true; fi; rm -rf "$OCI_TMP"; }
trap oci_cleanup EXIT
OCI_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$OCI_TMP/registry.yml" <<YAML
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $OCI_TMP/registry-data}}
http: {addr: "127.0.0.1:$OCI_PORT"}
YAML
docker-registry serve "$OCI_TMP/registry.yml" </dev/null >"$OCI_TMP/registry.log" 2>&1 &
OCI_REG_PID=$!
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$OCI_PORT/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
REG=127.0.0.1:$OCI_PORT/demo
CHANNEL=$FIXTURES/conda/channel

step "oci-mirror 1/4: mirror the fixture channel (noarch + osx-64) into a local docker-registry"
show "conda-oci mirror -c fixture --channel-url $CHANNEL -s noarch -s osx-64 --registry $REG --cache-dir \$TMP/cache"
conda_oci mirror -c fixture --channel-url "$CHANNEL" -s noarch -s osx-64 --registry "$REG" --cache-dir "$OCI_TMP/cache"

step "oci-mirror 2/4: what is in the registry (tags, one package manifest, the repodata manifest)"
for repo in fixture/noarch/run_exports_versions fixture/osx-64/dummy-package fixture/noarch/repodata.json; do
  show "curl http://$REG/.../$repo/tags/list"
  curl -fsS "http://127.0.0.1:$OCI_PORT/v2/demo/$repo/tags/list"; echo
done
show "curl -H 'Accept: application/vnd.oci.image.manifest.v1+json' http://$REG/.../fixture/osx-64/dummy-package/manifests/2.0-0"
curl -fsS -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
  "http://127.0.0.1:$OCI_PORT/v2/demo/fixture/osx-64/dummy-package/manifests/2.0-0" | python3 -m json.tool
show "conda-oci show -c fixture -s osx-64 dummy-package:2.0-0 --registry $REG"
conda_oci show -c fixture -s osx-64 dummy-package:2.0-0 --registry "$REG"

step "oci-mirror 3/4: the unchanged re-run uploads nothing (0 blobs, 0 manifests)"
conda_oci mirror -c fixture --channel-url "$CHANNEL" -s noarch -s osx-64 --registry "$REG" --cache-dir "$OCI_TMP/cache"

step "oci-mirror 4/4: pull-cache into an empty directory, usable as a file:// conda channel"
show "conda-oci pull-cache -c fixture -s noarch -s osx-64 --all-versions --registry $REG --cache-dir \$TMP/pulled"
conda_oci pull-cache -c fixture -s noarch -s osx-64 --all-versions --registry "$REG" --cache-dir "$OCI_TMP/pulled"
(cd "$OCI_TMP/pulled" && find . -type f | sort | xargs sha256sum)
echo "same bytes as the source channel:"
(cd "$CHANNEL" && sha256sum noarch/*.tar.bz2 osx-64/*.tar.bz2) | sed 's/^/  /'
