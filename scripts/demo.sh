#!/usr/bin/env bash
# The main job: starts local registries, seeds base images, builds samples/hello for four
# platforms with the command line, pushes them and runs the linux/amd64 image with runc.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-tools.sh
mvn -B -q -ntp install -DskipTests -pl konet-test-support,konet-core,konet-cli -am
mvn -B -q -ntp -pl konet-test-support dependency:build-classpath \
  -Dmdep.outputFile=target/demo-classpath.txt -Dmdep.includeScope=runtime
exec java -cp "konet-test-support/target/classes:$(cat konet-test-support/target/demo-classpath.txt)" \
  io.konet.testing.Demo konet-cli/target/konet.jar .
