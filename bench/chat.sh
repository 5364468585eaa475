#!/usr/bin/env sh
# Load-test the web chat on loopback: scripted conversations through the receptionist flow
# (language, menu, service, doctor, day → free slots, start over, hours, prices, goodbye).
# Usage: bench/chat.sh [conversations=200] [concurrency=16]
set -eu
cd "$(dirname "$0")/.."
mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.ChatBench \
  -Dexec.args="${1:-200} ${2:-16}" -Dliquibase.analytics.enabled=false
