#!/usr/bin/env sh
# Lead search over 100k generated leads (Arabic and English names): GET /v1/leads?q= by name and by phone.
# Usage: bench/leads.sh [leads=100000] [requests=1000] [concurrency=8]
set -eu
cd "$(dirname "$0")/.."
mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.LeadSearchBench \
  -Dexec.args="${1:-100000} ${2:-1000} ${3:-8}" -Dliquibase.analytics.enabled=false
