# integration: the tools together as a release pipeline uses them, each through its CLI jar, against a
# docker-registry with htpasswd auth that this part starts on a free 127.0.0.1 port (killed on exit).
#   1 images:     docker-pkg build+publish -> image-tagging tags+manifest+apply -> docker push -> pull by digest -> run
#   2 packages:   recipe-builder build -> conda-oci push-cache -> pull-cache into an empty cache -> compare bytes
#   3 feedstocks: feedstock-ops parse-names (native and in a container) -> rerender a git copy in a container
jar_of() { ls "$ROOT/$1/target/$1"-*-cli.jar; }
IT_DP=$(jar_of docker-pkg); IT_TAG=$(jar_of image-tagging); IT_RB=$(jar_of recipe-builder)
IT_OCI=$(jar_of oci-mirror); IT_FO=$(jar_of feedstock-ops)
IT_WORK=$(mktemp -d)
IT_NS=it$$
IT_REG_PID=
it_cleanup() {
  if [ -n "$IT_REG_PID" ]; then kill "$IT_REG_PID" 2>/dev/null || true; wait "$IT_REG_PID" 2>/dev/null || true; fi
  docker images --format '{{.Repository}}:{{.Tag}}' | grep "/$IT_NS/" | grep -v ':<none>$' | xargs -r docker rmi >/dev/null 2>&1 || true
  docker images --digests --format '{{.Repository}}@{{.Digest}}' | grep "/$IT_NS/" | grep -v '@<none>$' | xargs -r docker rmi >/dev/null 2>&1 || true
  rm -rf "$IT_WORK"
}
trap it_cleanup EXIT

step "integration 0/3: a registry with htpasswd auth on a free 127.0.0.1 port"
IT_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
IT_REG=127.0.0.1:$IT_PORT
IT_USER=it; IT_PASS=pw-$RANDOM$RANDOM
mkdir -p "$IT_WORK/registry" "$IT_WORK/docker"
htpasswd -Bbn "$IT_USER" "$IT_PASS" > "$IT_WORK/registry/htpasswd"
cat > "$IT_WORK/registry/config.yml" <<YAML
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $IT_WORK/registry/data}, delete: {enabled: true}}
http: {addr: $IT_REG, secret: s$RANDOM$RANDOM}
auth: {htpasswd: {realm: it, path: $IT_WORK/registry/htpasswd}}
YAML
docker-registry serve "$IT_WORK/registry/config.yml" < /dev/null > "$IT_WORK/registry/log" 2>&1 &
IT_REG_PID=$!
for _ in $(seq 50); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://$IT_REG/v2/" || true)
  [ "$code" = 401 ] && break; sleep 0.2
done
echo "registry at $IT_REG (pid $IT_REG_PID); anonymous /v2/ answers HTTP $code"
# docker push/pull and image-tagging's registry client read the credentials from a private DOCKER_CONFIG
printf '{"auths": {"%s": {"auth": "%s"}}}\n' "$IT_REG" "$(printf '%s:%s' "$IT_USER" "$IT_PASS" | base64 -w0)" \
  > "$IT_WORK/docker/config.json"
export DOCKER_CONFIG=$IT_WORK/docker

step "integration 1/3 (images): docker-pkg builds and publishes dp-base <- dp-child <- dp-grandchild"
mkdir -p "$IT_WORK/p1/images"
for d in base child grandchild; do  # test.sh left out: the pulled image is checked at the end instead
  mkdir "$IT_WORK/p1/images/$d"
  find "$ROOT/docker-pkg/src/test/resources/example-images/$d" -maxdepth 1 -type f ! -name test.sh \
    -exec cp {} "$IT_WORK/p1/images/$d/" \;
done
cat > "$IT_WORK/p1/config.yaml" <<YAML
registry: "$IT_REG"
namespace: $IT_NS
username: $IT_USER
password: "$IT_PASS"
network_mode: host   # apt-get in dp-child reaches the Debian mirror through the host
YAML
show "docker-pkg build images -c config.yaml"
(cd "$IT_WORK/p1" && XDG_CONFIG_HOME="$IT_WORK/p1" java -jar "$IT_DP" build images -c config.yaml)
LEAF=$IT_REG/$IT_NS/dp-grandchild

step "integration 1/3 (images): image-tagging computes the leaf's tags and manifest with our hierarchy"
cat > "$IT_WORK/p1/tree.yaml" <<'YAML'
images:
  dp-base: {taggers: [commit_sha_tagger, date_tagger], manifests: [apt_packages_manifest]}
  dp-child: {parent: dp-base, taggers: [ubuntu_version_tagger]}
  dp-grandchild: {parent: dp-child}
YAML
cat "$IT_WORK/p1/tree.yaml"
git -C "$IT_WORK/p1" init -q && git -C "$IT_WORK/p1" add tree.yaml \
  && git -C "$IT_WORK/p1" -c user.name=IT -c user.email=it@example.org commit -q -m images
IT_TAGGING=(--registry "$IT_REG" --owner "$IT_NS" --image dp-grandchild --variant default
  --hierarchy "$IT_WORK/p1/tree.yaml" --git-dir "$IT_WORK/p1")
show "image-tagging write-tags-file ... --tags-dir tags"
java -jar "$IT_TAG" write-tags-file "${IT_TAGGING[@]}" --tags-dir "$IT_WORK/p1/tags" > /dev/null
cat "$IT_WORK"/p1/tags/*.txt; echo
show "image-tagging write-manifest ... --manifests-dir manifests"
java -jar "$IT_TAG" write-manifest "${IT_TAGGING[@]}" --hist-lines-dir "$IT_WORK/p1/hist" \
  --manifests-dir "$IT_WORK/p1/manifests" --repository containerops/demo > /dev/null
echo "$(basename "$IT_WORK"/p1/manifests/*.md): $(head -1 "$IT_WORK"/p1/manifests/*.md)"
echo "  apt list shows dp-child's package: $(grep '^hello/' "$IT_WORK"/p1/manifests/*.md)"
show "image-tagging apply-tags ... --platform x86_64 --tags-dir tags"
java -jar "$IT_TAG" apply-tags "${IT_TAGGING[@]}" --platform x86_64 --tags-dir "$IT_WORK/p1/tags" > /dev/null
docker images "$LEAF" --format '  {{.Repository}}:{{.Tag}}  {{.ID}}'

step "integration 1/3 (images): push the tags with auth, calculate the digest, pull it back, run it"
for t in $(cat "$IT_WORK"/p1/tags/*.txt); do
  show "docker push $t"; docker push -q "$t" > /dev/null
done
show "image-tagging calculate-image-ref --image dp-grandchild --variant default --platform x86_64 --tags-dir tags"
REF=$(java -jar "$IT_TAG" calculate-image-ref --image dp-grandchild --variant default --platform x86_64 --tags-dir "$IT_WORK/p1/tags")
echo "$REF"
for t in $(cat "$IT_WORK"/p1/tags/*.txt) "$LEAF:latest" "$LEAF:1.0-1"; do docker rmi "$t" > /dev/null; done
echo "local copies removed: $(docker images -q "$LEAF" | wc -l) left"
show "docker pull $REF"
docker pull -q "$REF"
show "docker run --rm $REF sh -c 'hello; cat /etc/dp-grandchild /etc/dp-base-label'"
docker run --rm --network none "$REF" sh -c 'hello; cat /etc/dp-grandchild /etc/dp-base-label'

step "integration 2/3 (packages): recipe-builder builds the example recipes into a local channel"
RECIPES=$ROOT/recipe-builder/src/test/resources/recipes
show "recipe-builder build recipes/one recipes/two recipes/mixed --pkg-dir channel --image containerops/test-recipe-builder-double:latest ..."
java -jar "$IT_RB" build "$RECIPES/one" "$RECIPES/two" "$RECIPES/mixed" --pkg-dir "$IT_WORK/p2/channel" \
  --image containerops/test-recipe-builder-double:latest --network none --quiet \
  --build-command 'conda-build-double -c file://{staging} {build_args} {recipe} 2>&1'

step "integration 2/3 (packages): conda-oci push-cache to the registry, pull-cache into an empty cache"
export ORAS_USER=$IT_USER ORAS_PASS=$IT_PASS
IT_OCI_ARGS=(-c it -s linux-64 -s noarch --registry "$IT_REG/$IT_NS" --quiet)
show "conda-oci push-cache -c it -s linux-64 -s noarch --registry $IT_REG/$IT_NS --cache-dir channel"
java -jar "$IT_OCI" push-cache "${IT_OCI_ARGS[@]}" --cache-dir "$IT_WORK/p2/channel"
show "conda-oci push-cache ... (again: nothing to upload)"
java -jar "$IT_OCI" push-cache "${IT_OCI_ARGS[@]}" --cache-dir "$IT_WORK/p2/channel"
show "conda-oci pull-cache -c it -s linux-64 -s noarch --registry $IT_REG/$IT_NS --cache-dir pulled"
java -jar "$IT_OCI" pull-cache "${IT_OCI_ARGS[@]}" --cache-dir "$IT_WORK/p2/pulled"
(cd "$IT_WORK/p2/channel" && for f in */*.conda */*.tar.bz2; do
  [ -f "$f" ] || continue
  if cmp -s "$f" "$IT_WORK/p2/pulled/$f"; then echo "  identical  $f"; else echo "  DIFFERENT  $f"; exit 1; fi
done)
for sub in linux-64 noarch; do
  echo "pulled $sub/repodata.json lists: $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(", ".join(sorted(list(d.get("packages",{}))+list(d.get("packages.conda",{})))))' "$IT_WORK/p2/pulled/$sub/repodata.json")"
done

step "integration 3/3 (feedstocks): feedstock-ops parses names natively and in a container"
export CF_FEEDSTOCK_OPS_CONTAINER_NAME=containerops/test-feedstock-ops-double CF_FEEDSTOCK_OPS_CONTAINER_TAG=latest
export CF_FEEDSTOCK_OPS_CONTAINER_NETWORK=none
IT_MOUNT="--extra-mount=$IT_FO:/opt/feedstock-ops/feedstock-ops-cli.jar"   # the production image carries the jar
show "feedstock-ops parse-names --no-use-container \$FIXTURES/feedstocks/llvmdev-feedstock"
java -jar "$IT_FO" parse-names --no-use-container "$FIXTURES/feedstocks/llvmdev-feedstock" | tee "$IT_WORK/native.json"
show "feedstock-ops parse-names (in containerops/test-feedstock-ops-double) \$FIXTURES/feedstocks/llvmdev-feedstock"
java -jar "$IT_FO" parse-names --quiet "$IT_MOUNT" "$FIXTURES/feedstocks/llvmdev-feedstock" > "$IT_WORK/container.json"
if cmp -s "$IT_WORK/native.json" "$IT_WORK/container.json"; then echo "same reply from the container"; else diff "$IT_WORK/native.json" "$IT_WORK/container.json"; exit 1; fi

step "integration 3/3 (feedstocks): rerender a git copy of ngmix-blah in a container (conda-smithy DOUBLE)"
cp -r "$FIXTURES/feedstocks/ngmix-blah" "$IT_WORK/ngmix-blah"; chmod -R u+w "$IT_WORK/ngmix-blah"
git -C "$IT_WORK/ngmix-blah" init -q && git -C "$IT_WORK/ngmix-blah" add -A \
  && git -C "$IT_WORK/ngmix-blah" -c user.name=IT -c user.email=it@example.org commit -q -m fixture
show "feedstock-ops rerender --quiet ngmix-blah"
java -jar "$IT_FO" rerender --quiet "$IT_MOUNT" "$IT_WORK/ngmix-blah"
show "git status --short"
git -C "$IT_WORK/ngmix-blah" status --short
