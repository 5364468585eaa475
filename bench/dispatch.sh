#!/usr/bin/env sh
# Dispatch throughput: inserts SMS and in-app outbox rows, then drains them with 1 and then 2
# dispatchers against an SMS provider on loopback. Prints rows/s and time-to-deliver percentiles.
# Usage: bench/dispatch.sh [sms rows=5000] [in-app rows=5000] [batch size=20]
set -eu
cd "$(dirname "$0")/.."
mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.DispatchBench \
  -Dexec.args="${1:-5000} ${2:-5000} ${3:-20}" -Dliquibase.analytics.enabled=false
