#!/usr/bin/env sh
# Lead search over many generated leads, on loopback against the embedded database.
# Usage: bench/lead-search.sh [leads=100000] [requests=200] [concurrency=8] [--machine] [--pgbench[=seconds]]
#   --machine          one tab-separated line per query on stdout: path, p50 ms, p99 ms, items
#   --pgbench[=10]     then pgbench of bench/sql/lead-search.sql per search (as moeen_app, under RLS)
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
# compiled first and on its own: with test-compile in the same run, exec.args would also reach the
# contract-merging execution bound to generate-test-sources; its output goes to stderr
mvn -q -B test-compile -Dliquibase.analytics.enabled=false >&2
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.LeadSearchBench \
  -Dexec.args="${1:-100000} ${2:-200} ${3:-8}$flags" -Dliquibase.analytics.enabled=false
