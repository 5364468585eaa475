#!/usr/bin/env sh
# Dispensing with FEFO picking over many items and batches, on loopback against the embedded database.
# Usage: bench/pharmacy.sh [items=5000] [batches=50000] [dispenses=3000] [concurrency=8] [--machine] [--pgbench[=seconds]]
#   --machine          one tab-separated line on stdout: POST /v1/pharmacy/dispenses, dispenses/s, p50 ms, p99 ms, failures
#   --pgbench[=10]     then pgbench of bench/sql/dispense.sql (the same statements, as moeen_app) and the ratio
# Maven flags (e.g. -o) through MAVEN_ARGS.
set -eu
cd "$(dirname "$0")/.."
numbers=""
flags=""
for arg in "$@"; do
  case "$arg" in
    --*) flags="$flags $arg" ;;
    *) numbers="$numbers $arg" ;;
  esac
done
set -- $numbers
# compiled first and on its own (see lead-search.sh)
mvn -q -B test-compile -Dliquibase.analytics.enabled=false >&2
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.PharmacyBench \
  -Dexec.args="${1:-5000} ${2:-50000} ${3:-3000} ${4:-8}$flags" -Dliquibase.analytics.enabled=false
