# feedstock-ops: feedstock names natively and through a container, and a rerender through a container.
# The container is the TEST image containerops/test-feedstock-ops-double (JRE, git, and test DOUBLES
# for conda-smithy and the solver; our CLI jar is mounted read-only). The production image
# (feedstock-ops/docker/Dockerfile) is built by scripts/setup as containerops/feedstock-ops:latest from
# Debian packages; it has no conda-smithy, so rerender/lint need the doubles.
FO_JAR=$(ls "$ROOT"/feedstock-ops/target/feedstock-ops-*-cli.jar)
fo() { "$ROOT"/feedstock-ops/target/release/feedstock-ops/bin/feedstock-ops "$@"; }  # the launcher (AppCDS)
export CF_FEEDSTOCK_OPS_CONTAINER_NAME=containerops/test-feedstock-ops-double CF_FEEDSTOCK_OPS_CONTAINER_TAG=latest
export CF_FEEDSTOCK_OPS_CONTAINER_NETWORK=none   # the doubles need no network (production: Docker's bridge)
MOUNT_JAR="--extra-mount=$FO_JAR:/opt/feedstock-ops/feedstock-ops-cli.jar"
FO_WORK=$(mktemp -d)
trap 'rm -rf "$FO_WORK"' EXIT

step "feedstock-ops 1/3: llvmdev names through a container (native Java inside, no conda)"
show "feedstock-ops parse-package-and-feedstock-names $FIXTURES/feedstocks/llvmdev-feedstock"
fo parse-package-and-feedstock-names --quiet "$MOUNT_JAR" "$FIXTURES/feedstocks/llvmdev-feedstock"

step "feedstock-ops 2/3: every fixture feedstock, natively and through a container (test_feedstock has no recipe: an error is expected)"
for d in "$FIXTURES"/feedstocks/*; do
  n=$(basename "$d")
  set +e
  fo parse-names --no-use-container "$d" >"$FO_WORK/$n.native" 2>"$FO_WORK/$n.native.err"; rn=$?
  fo parse-names --quiet "$MOUNT_JAR" "$d" >"$FO_WORK/$n.container" 2>"$FO_WORK/$n.container.err"; rc=$?
  set -e
  if [ $rn -ne 0 ]; then
    printf '%-26s native exit %d, container exit %d: %s\n' "$n" $rn $rc "$(head -c 150 "$FO_WORK/$n.container.err")"
  elif cmp -s "$FO_WORK/$n.native" "$FO_WORK/$n.container"; then
    printf '%-26s same in both: %s\n' "$n" "$(tr -d '\n ' <"$FO_WORK/$n.native" | head -c 150)"
  else
    printf '%-26s DIFFERENT\n' "$n"; diff "$FO_WORK/$n.native" "$FO_WORK/$n.container" || true
  fi
done

step "feedstock-ops 3/3: rerender a git copy of ngmix-blah through a container, with conda-smithy-double (a test double, not conda-smithy)"
FS=$FO_WORK/ngmix-blah
cp -r "$FIXTURES/feedstocks/ngmix-blah" "$FS"; chmod -R u+w "$FS"
git -C "$FS" init -q -b main && git -C "$FS" add -A && git -C "$FS" -c user.name=demo -c user.email=demo@example.org commit -q -m fixture
show "feedstock-ops rerender --timeout 300 $FS"
fo rerender --timeout 300 "$MOUNT_JAR" "$FS"
echo "staged by the rerender (modes from the permissions map):"
git -C "$FS" diff --cached --summary
git -C "$FS" diff --cached --stat
git -C "$FS" diff --cached -- .scripts/build_steps.sh
show "feedstock-ops rerender $FS   # again: nothing changes"
fo rerender --quiet "$MOUNT_JAR" "$FS"
echo "exit code: $?"
