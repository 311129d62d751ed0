#!/usr/bin/env bash
# Split layers against one layer: cold, warm and app-only rebuild on local registries, and one
# 1 GB layer pushed with a 256 MB heap. Prints the tables of docs/performance.md.
# Options go to io.konet.bench.LayerBenchmark: --quick, --runtime-mb N, --deps-mb N,
# --app-mb N, --big-layer-mb N (0 skips it), --heap SIZE.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-tools.sh
mvn -B -q -ntp install -DskipTests -pl bench -am
mvn -B -q -ntp -pl bench dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
exec java -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" \
  io.konet.bench.LayerBenchmark "$@"
