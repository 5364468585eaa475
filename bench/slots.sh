#!/usr/bin/env sh
# Load-test GET /v1/slots on loopback against the embedded database with the demo clinic.
# Usage: bench/slots.sh [requests=2000] [concurrency=16] [--query one|all|mixed] [--rate N] [--bus] [--url U] [--machine]
#   --machine prints one line: GET /v1/slots <req/s> <p50 ms> <p99 ms> <errors> (see SlotsBench)
set -eu
cd "$(dirname "$0")/.."
mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.SlotsBench \
  -Dexec.args="${*:-2000 16}" -Dliquibase.analytics.enabled=false
