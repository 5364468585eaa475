#!/usr/bin/env sh
# Opening a patient's chart (GET /v1/patients/{id}/chart as the patient's doctor) for a patient with
# many encounters, on loopback against the embedded database; prints p50/p99.
# Usage: bench/chart.sh [encounters=200] [requests=300]. Maven flags (e.g. -o) through MAVEN_ARGS.
set -eu
cd "$(dirname "$0")/.."
mvn -q -B test-compile -Dliquibase.analytics.enabled=false >&2
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.ChartBench \
  -Dexec.args="${1:-200} ${2:-300}" -Dliquibase.analytics.enabled=false
