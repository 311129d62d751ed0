#!/usr/bin/env bash
# Runs every test: unit tests, the engine against real registries, the command line end to end
# (including running the built image with runc), and the plugin's offline build.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -ntp verify "$@"
