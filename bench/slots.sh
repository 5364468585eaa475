#!/usr/bin/env sh
# Load-test GET /v1/slots on loopback against the embedded database with the demo clinic.
# Usage: bench/slots.sh [requests=2000] [concurrency=16]
set -eu
cd "$(dirname "$0")/.."
mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.SlotsBench \
  -Dexec.args="${1:-2000} ${2:-16}" -Dliquibase.analytics.enabled=false
