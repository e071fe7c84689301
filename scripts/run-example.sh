#!/usr/bin/env bash
# The main job on the bundled example: builds capsem-java, installs the plugin into the local
# Maven repository, then runs the example image project (examples/corp-dev) through its lifecycle.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup-machine.sh
mvn -B -q install -DskipTests
mvn -B -f examples/corp-dev/pom.xml verify
echo "example: reports in examples/corp-dev/target/capsem/"
