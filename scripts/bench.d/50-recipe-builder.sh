# recipe-builder: image-build time of a second run (target: near zero, the content-tagged image is
# reused) and per-recipe overhead (wall time minus the build command's own time), with the
# conda-build test double image. BENCH_RUNS builds (default 5).
java -cp "$(ls recipe-builder/target/recipe-builder-*-cli.jar):recipe-builder/target/test-classes" \
  org.containerops.recipe.bench.RecipeBuilderBench "${BENCH_RUNS:-5}"
