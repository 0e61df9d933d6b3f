# image-tagging: docker-stacks' tagging apps on a local test image (Debian's python3, OpenJDK, R and
# *-double tools for conda/mamba/jupyter/julia/spark), tagged as pyspark-notebook in a registry with a port.
itag() { "$ROOT"/image-tagging/target/release/image-tagging/bin/image-tagging "$@"; }  # the launcher (AppCDS)
IMAGE=localhost:5000/jupyter/pyspark-notebook
WORK=$(mktemp -d)
cleanup_tagging() {
  for t in $(cat "$WORK"/tags/*.txt 2>/dev/null) "$IMAGE:latest" localhost:5000/containerops-demo/broken:latest; do
    docker rmi --no-prune "$t" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup_tagging EXIT
docker tag containerops/test-tagging-tools:latest "$IMAGE:latest"
COMMON=(--registry localhost:5000 --owner jupyter --image pyspark-notebook --variant default --git-dir "$ROOT")

step "image-tagging 1/4: write-tags-file (every tagger in one container)"
show "image-tagging write-tags-file ${COMMON[*]} --tags-dir \$WORK/tags"
itag write-tags-file "${COMMON[@]}" --tags-dir "$WORK/tags" >/dev/null
for f in "$WORK"/tags/*; do echo "--- $(basename "$f") (no trailing newline; $(wc -l <"$f") newlines)"; cat "$f"; echo; done

step "image-tagging 2/4: write-manifest (history line + build manifest, one container)"
show "image-tagging write-manifest ${COMMON[*]} --hist-lines-dir \$WORK/hist_lines --manifests-dir \$WORK/manifests --repository jupyter/docker-stacks"
itag write-manifest "${COMMON[@]}" --hist-lines-dir "$WORK/hist_lines" --manifests-dir "$WORK/manifests" \
  --repository jupyter/docker-stacks >/dev/null
for f in "$WORK"/hist_lines/*; do echo "--- $(basename "$f")"; cat "$f"; echo; done
for f in "$WORK"/manifests/*; do
  echo "--- $(basename "$f") ($(wc -l <"$f") lines; the apt list shortened here)"
  awk '/^`apt list --installed`:/ {apt=1} apt && /^```$/ && ++fence==1 {apt=0; print "…"} !apt || n++ < 8' "$f"
done

step "image-tagging 3/4: apply-tags (docker tag, no registry access)"
show "image-tagging apply-tags ${COMMON[*]} --platform x86_64 --tags-dir \$WORK/tags"
itag apply-tags "${COMMON[@]}" --platform x86_64 --tags-dir "$WORK/tags" >/dev/null
docker images "$IMAGE" --format '{{.Repository}}:{{.Tag}}  {{.ID}}  {{.Size}}'

step "image-tagging 4/4: a tagger that fails inside the image (exit code 1 expected)"
docker tag containerops/test-sandbox:latest localhost:5000/containerops-demo/broken:latest
printf 'images:\n  broken:\n    taggers: [commit_sha_tagger, python_tagger]\n' > "$WORK/broken.yaml"
show "image-tagging write-tags-file --hierarchy broken.yaml --registry localhost:5000 --owner containerops-demo --image broken ..."
set +e
itag write-tags-file --hierarchy "$WORK/broken.yaml" --registry localhost:5000 --owner containerops-demo \
  --image broken --variant default --tags-dir "$WORK/broken-tags" --git-dir "$ROOT"
echo "exit code: $?; tags file written: $(ls "$WORK/broken-tags" 2>/dev/null | wc -l); containers left: $(docker ps -aq --filter label=org.containerops.tool=image-tagging | wc -l)"
set -e
