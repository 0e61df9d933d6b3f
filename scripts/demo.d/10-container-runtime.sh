# container-runtime: sandboxed operations through the CLI jar on a real engine.
crt() { "$ROOT"/container-runtime/target/release/container-runtime/bin/container-runtime "$@"; }  # the launcher (AppCDS)
IMAGE=containerops/test-sandbox:latest
CHANNEL=$FIXTURES/conda/channel

step "container-runtime 1/3: success with data (a real conda channel, mounted read-only)"
show "container-runtime run --image $IMAGE --mount $CHANNEL -- sh -c '<summarise the channel>'"
crt run --image "$IMAGE" --mount "$CHANNEL" -- sh -c '
  cd /cf_feedstock_ops_dir
  echo "summarising $(pwd) as $(id -un) (uid $(id -u))" >&2
  subdirs=$(for d in */; do [ -f "$d/repodata.json" ] && printf "\"%s\", " "${d%/}"; done)
  printf "{\"data\": {\"subdirs\": [%s], \"packages\": %s, \"repodata_sha256\": {\"noarch\": \"%s\", \"osx-64\": \"%s\"}}}\n" \
    "${subdirs%, }" "$(ls */*.tar.bz2 */*.conda 2>/dev/null | wc -l)" \
    "$(sha256sum noarch/repodata.json | cut -c1-64)" "$(sha256sum osx-64/repodata.json | cut -c1-64)"'
echo "exit code: $?"

step "container-runtime 2/3: an error reported by the container (exit code 1 expected)"
show "container-runtime run --image $IMAGE -- sh -c '<reply with an error>'"
set +e
crt run --image "$IMAGE" -- sh -c '
  echo "rendering recipe..." >&2
  cat <<"JSON"
{"data": null, "error": "RuntimeError(\u0027Failed to render recipe/meta.yaml: undefined name version\u0027)",
 "traceback": "Traceback (most recent call last):\n  File \"render.py\", line 3, in render\nRuntimeError"}
JSON'
echo "exit code: $?"

step "container-runtime 3/3: a read-only mount refuses a write (exit code 1 expected)"
WORK=$(mktemp -d); chmod 777 "$WORK"  # the container user (uid 1000) must be able to write when rw; trap 'rm -rf "$WORK"' EXIT
show "container-runtime run --image $IMAGE --mount $WORK -- sh -c 'echo x > /cf_feedstock_ops_dir/out'"
crt run --image "$IMAGE" --mount "$WORK" -- sh -c 'echo x > /cf_feedstock_ops_dir/out && echo "{\"data\": \"wrote\"}"'
echo "exit code: $?; files in the mounted dir afterwards: $(ls -A "$WORK" | wc -l)"
show "container-runtime run --image $IMAGE --mount $WORK:rw -- sh -c 'echo x > /cf_feedstock_ops_dir/out'"
crt run --image "$IMAGE" --mount "$WORK:rw" -- sh -c 'echo x > /cf_feedstock_ops_dir/out && echo "{\"data\": \"wrote\"}"'
echo "exit code: $?; files in the mounted dir afterwards: $(ls -A "$WORK")"
set -e
