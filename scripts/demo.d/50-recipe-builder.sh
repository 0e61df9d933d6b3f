# recipe-builder: build the example recipes into a temp local channel and list it with its repodata.
# The build image is the TEST image containerops/test-recipe-builder-double (scripts/setup builds it):
# it holds conda-build-double, a stand-in for conda-build (which cannot be installed offline), so the
# build command is set to it; everything else is the default build script.
rb() { "$ROOT"/recipe-builder/target/release/recipe-builder/bin/recipe-builder "$@"; }  # the launcher (AppCDS)
RECIPES=recipe-builder/src/test/resources/recipes
RB_CHANNEL=$(mktemp -d)/channel
trap 'rm -rf "$(dirname "$RB_CHANNEL")"' EXIT
RB_OPTS=(--image containerops/test-recipe-builder-double:latest --pkg-dir "$RB_CHANNEL" --network none
  --build-command 'conda-build-double -c file://{staging} {build_args} {recipe} 2>&1' --quiet)

step "recipe-builder 1/3: build one, two (needs one, through the staging channel) and mixed (noarch + arch outputs)"
show "recipe-builder build $RECIPES/one $RECIPES/two $RECIPES/mixed --pkg-dir $RB_CHANNEL ${RB_OPTS[*]:4}"
rb build "$RECIPES/one" "$RECIPES/two" "$RECIPES/mixed" "${RB_OPTS[@]}"
echo "exit code: $?"

step "recipe-builder 2/3: the local channel and its repodata.json"
show "find $RB_CHANNEL -type f"
(cd "$RB_CHANNEL" && find . -type f -printf '%M %u:%g %6s %p\n' | sort -k4)
for sub in linux-64 noarch; do
  show "cat $RB_CHANNEL/$sub/repodata.json"
  cat "$RB_CHANNEL/$sub/repodata.json"
done

step "recipe-builder 3/3: a failing and an empty recipe next to a good one (exit code 1 expected)"
show "recipe-builder build $RECIPES/fails $RECIPES/empty $RECIPES/one ..."
set +e
rb build "$RECIPES/fails" "$RECIPES/empty" "$RECIPES/one" "${RB_OPTS[@]}" --log-tail 3
echo "exit code: $?"
set -e
