#!/usr/bin/env sh
# Invoices drafted and issued per second WITH their ZATCA phase 2 e-invoice (UBL XML, hash chain, secp256k1 signature,
# QR tags 1-9), on loopback against the embedded database, beside pgbench of the same draft-and-issue SQL without the
# e-invoice (bench/sql/invoice-issue.sql) measured in the same run, and the ratio.
# Usage: bench/invoices.sh [invoices=2000] [concurrency=8] [--machine] [--pgbench[=seconds]]
#   --machine          tab-separated lines on stdout: name, invoices/s, p50 ms, p99 ms[, failures]; then the ratio
#   --pgbench=10       how long pgbench runs (default 10 s; 0 leaves the baseline out)
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
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.InvoicesBench \
  -Dexec.args="${1:-2000} ${2:-8}$flags" -Dliquibase.analytics.enabled=false
