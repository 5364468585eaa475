#!/usr/bin/env sh
# Load-test the web chat on loopback: scripted conversations through the receptionist flow
# (language, menu, service — its one doctor named —, day → free slots, start over, hours, prices, goodbye).
# Usage: bench/chat.sh [conversations=200] [concurrency=16] [flags]
#   --rate=R          open loop at R turns/s over all visitors (default: closed loop)
#   --baseline[=s]    then pgbench of a turn's statements (bench/sql/chat-turn.sql) in the same run
#   --jfr=file        JFR recording (settings=profile) of the measured run (deeper stacks:
#                     MAVEN_OPTS=-XX:FlightRecorderOptions:stackdepth=256)
#   --warm-up=N       N conversations before the measured run (default 50)
#   --machine         one line on stdout: turns/s p50 p99 errors (+ "baseline tps p50 p99 failed")
# MAVEN_ARGS may add e.g. -o (offline).
set -eu
cd "$(dirname "$0")/.."
conversations="${1:-200}"; concurrency="${2:-16}"
[ $# -gt 0 ] && shift; [ $# -gt 0 ] && shift
mvn ${MAVEN_ARGS:-} -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.ChatBench \
  -Dexec.args="$conversations $concurrency $*" -Dliquibase.analytics.enabled=false
