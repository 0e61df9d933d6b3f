# docker-pkg: render the Wikimedia production-images corpus and compare it with upstream's output,
# then build, verify and publish the example image tree to a registry with htpasswd auth that this
# part starts itself, update the base image, rebuild exactly the changed chain, prune, clean up.
dp() { "$ROOT"/docker-pkg/target/release/docker-pkg/bin/docker-pkg "$@"; }  # the launcher (AppCDS)
CORPUS=$FIXTURES/docker-pkg/production-images
DP_WORK=$(mktemp -d)
DP_NS=demo$$
DP_REG_PID=
dp_cleanup() {
  if [ -n "$DP_REG_PID" ]; then kill "$DP_REG_PID" 2>/dev/null || true; wait "$DP_REG_PID" 2>/dev/null || true; fi
  docker images --format '{{.Repository}}:{{.Tag}}' | grep "/$DP_NS/" | xargs -r docker rmi >/dev/null 2>&1 || true
  rm -rf "$DP_WORK"
}
trap dp_cleanup EXIT

step "docker-pkg 1/5: render the Wikimedia corpus (125 images), compare with upstream's rendering"
show "docker-pkg render \$CORPUS/images -c \$CORPUS/config.yaml --output \$OUT"
dp render "$CORPUS/images" -c "$CORPUS/config.yaml" --output "$DP_WORK/render" > "$DP_WORK/render.list" 2> "$DP_WORK/render.err"
echo "Dockerfiles written: $(wc -l < "$DP_WORK/render.list"); warnings: $(wc -l < "$DP_WORK/render.err"), e.g."
head -2 "$DP_WORK/render.err"
show "diff -r \$OUT \$FIXTURES/docker-pkg/expected-render"
if diff -r "$DP_WORK/render" "$FIXTURES/docker-pkg/expected-render" > "$DP_WORK/render.diff"; then
  echo "no differences: $(find "$DP_WORK/render" -name Dockerfile | wc -l) of $(ls "$FIXTURES/docker-pkg/expected-render" | wc -l) files byte-identical"
else
  echo "DIFFERENCES:"; head -20 "$DP_WORK/render.diff"; exit 1
fi

step "docker-pkg 2/5: a registry with htpasswd auth on a free 127.0.0.1 port"
DP_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
DP_PASS=pw-$RANDOM$RANDOM
mkdir -p "$DP_WORK/registry"
htpasswd -Bbn demo "$DP_PASS" > "$DP_WORK/registry/htpasswd"
cat > "$DP_WORK/registry/config.yml" <<YAML
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $DP_WORK/registry/data}, delete: {enabled: true}}
http: {addr: 127.0.0.1:$DP_PORT, secret: s$RANDOM$RANDOM}
auth: {htpasswd: {realm: demo, path: $DP_WORK/registry/htpasswd}}
YAML
docker-registry serve "$DP_WORK/registry/config.yml" < /dev/null > "$DP_WORK/registry/log" 2>&1 &
DP_REG_PID=$!
for _ in $(seq 50); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$DP_PORT/v2/" || true)
  [ "$code" = 401 ] && break; sleep 0.2
done
echo "registry at 127.0.0.1:$DP_PORT (pid $DP_REG_PID), anonymous /v2/ answers HTTP $code"

cp -r "$ROOT"/docker-pkg/src/test/resources/example-images "$DP_WORK/images"
cat > "$DP_WORK/config.yaml" <<YAML
registry: "127.0.0.1:$DP_PORT"
namespace: $DP_NS
username: demo
password: "$DP_PASS"
network_mode: host   # apt-get in dp-child reaches the Debian mirror through the host
YAML
echo "example tree: dp-base <- dp-child (apt-installs hello) <- dp-grandchild (test.sh);"
echo "              dp-artifact (Dockerfile.build.template generates /build/greet, the image COPYs it)"

step "docker-pkg 3/5: build, verify and publish the example tree"
show "docker-pkg build -c config.yaml images"
(cd "$DP_WORK" && dp build -c config.yaml images)
show "curl -u demo:**** http://127.0.0.1:$DP_PORT/v2/_catalog; .../dp-base/tags/list"
curl -s -u "demo:$DP_PASS" "http://127.0.0.1:$DP_PORT/v2/_catalog"; echo
curl -s -u "demo:$DP_PASS" "http://127.0.0.1:$DP_PORT/v2/$DP_NS/dp-base/tags/list"; echo
echo "-build images left: $(docker images --format '{{.Repository}}' | grep -c "/$DP_NS/.*-build$" || true)"
echo "greet in dp-artifact: $(docker run --rm "127.0.0.1:$DP_PORT/$DP_NS/dp-artifact:1.0-1" greet)"

step "docker-pkg 4/5: update dp-base, rebuild exactly the changed chain"
show "docker-pkg update dp-base images --reason 'Security update'"
(cd "$DP_WORK" && DEBFULLNAME='Demo User' DEBEMAIL=demo@example.org dp update -c config.yaml dp-base images --reason 'Security update')
head -6 "$DP_WORK/images/child/changelog"
show "docker-pkg build -c config.yaml images"
(cd "$DP_WORK" && dp build -c config.yaml images)

step "docker-pkg 5/5: prune the old versions"
show "docker-pkg prune -c config.yaml images"
(cd "$DP_WORK" && dp prune -c config.yaml images)
echo "local tags left:"; docker images --format '  {{.Repository}}:{{.Tag}}' | grep "/$DP_NS/" | sort
