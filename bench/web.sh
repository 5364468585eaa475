#!/usr/bin/env sh
# The chat widget's weight (gzipped, as served) and its time to ready and to the greeting in a headless
# Chromium on loopback, nothing cached; then the patient portal's and the staff console's weight (budget 60 KB
# gzipped each) and every screen's time to interactive after a reload (budget 1 s). Needs chromium and chromium-driver (Debian packages).
# Usage: bench/web.sh [runs=10]
set -eu
cd "$(dirname "$0")/.."
# compiled first, on its own: -Dexec.args would also reach the build's contract-merging exec step
mvn -q -B test-compile
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.WebBench \
  -Dexec.args="${1:-10}" -Dliquibase.analytics.enabled=false
