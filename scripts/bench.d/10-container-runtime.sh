# container-runtime: N sandboxed operations (BENCH_RUNS, default 20) through the library against
# `docker run --rm` with the same lock-down flags from bash. Target: p50 ratio <= 0.9.
java -cp "$(ls container-runtime/target/container-runtime-*-cli.jar):container-runtime/target/test-classes" \
  org.containerops.runtime.bench.SandboxBench "${BENCH_RUNS:-20}"
