#!/usr/bin/env sh
# Load-test POST /v1/appointments on loopback against the embedded database with the demo clinic:
# distinct free slots for distinct patients, then rounds of clients racing for one slot.
# Usage: bench/booking.sh [bookings=300] [concurrency=8] [race rounds=20] [--rate N] [--url U --db-port P] [--machine]
#   --machine prints one line: POST /v1/appointments <bookings/s> <p50 ms> <p99 ms> <errors> (see BookingBench)
set -eu
cd "$(dirname "$0")/.."
mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.moeen.bench.BookingBench \
  -Dexec.args="${*:-300 8 20}" -Dliquibase.analytics.enabled=false
