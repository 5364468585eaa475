#!/usr/bin/env sh
# Lead search over many generated leads, on loopback against the embedded database.
# Usage: bench/lead-search.sh [leads=100000] [requests=200] [concurrency=8]
set -eu
cd "$(dirname "$0")/.."
mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.LeadSearchBench \
  -Dexec.args="${1:-100000} ${2:-200} ${3:-8}" -Dliquibase.analytics.enabled=false
