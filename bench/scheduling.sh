#!/usr/bin/env bash
# The scheduling hot paths against their database baselines, in one run: for each jar, the packaged
# service on a fresh embedded PostgreSQL 17 (demo clinic, /tmp data dir), then
#   pgbench bench/sql/slots.sql    vs  SlotsBench   --query one (GET /v1/slots, one doctor's week)
#   pgbench bench/sql/booking.sql  vs  BookingBench (POST /v1/appointments, distinct slots and patients)
# pgbench runs as the service's role (moeen_app, under row-level security), prepared, at the
# concurrency the HTTP client uses. Prints one line per path and jar:
#   <jar> <path> <req/s> <p50 ms> <p99 ms> <errors> <pgbench tps> <ratio>
# req/s with `concurrency` in flight; p50/p99 at a fixed 70% of that rate, corrected for coordinated omission.
# Usage: bench/scheduling.sh [slot-concurrency=64] [booking-concurrency=16] [slot-requests=4000] [bookings=400] [pgbench-seconds=15]
#   MOEEN_BENCH_JARS="/tmp/before.jar target/moeen.jar"   measure several builds in one run (default target/moeen.jar)
#   MOEEN_BENCH_JFR=/tmp/sched   also record each service with JFR (profile settings) into /tmp/sched-<n>.jfr
set -euo pipefail
cd "$(dirname "$0")/.."
SLOT_C=${1:-64}
BOOK_C=${2:-16}
SLOT_N=${3:-4000}
BOOK_N=${4:-400}
PG_SECONDS=${5:-15}
PORT=${MOEEN_BENCH_PORT:-18090}
JARS=${MOEEN_BENCH_JARS:-target/moeen.jar}

if [ ! -f target/moeen.jar ] || [ -n "$(find src/main pom.xml openapi.yaml contract db -newer target/moeen.jar -print -quit)" ]; then
  mvn -B -q -o -Dmaven.test.skip=true package
fi
mvn -B -q -o test-compile
[ -f target/bench.classpath ] && [ target/bench.classpath -nt pom.xml ] \
  || mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"

echo "# $(date -u +%FT%TZ) nproc $(nproc) loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
n=0
for JAR in $JARS; do
  n=$((n + 1))
  DATA=$(mktemp -d /tmp/moeen-sched-bench.XXXXXX)
  JFR=()
  [ -n "${MOEEN_BENCH_JFR:-}" ] && JFR=("-XX:StartFlightRecording=filename=${MOEEN_BENCH_JFR}-$n.jfr,settings=profile,dumponexit=true")
  HTTP_HOST=127.0.0.1 HTTP_PORT=$PORT MOEEN_DATA_DIR="$DATA" MOEEN_DISPATCH_INTERVAL_MS=0 \
    java "${JFR[@]}" -jar "$JAR" >"$DATA/service.log" 2>&1 &
  PID=$!
  trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
    kill -0 "$PID" 2>/dev/null || { echo "the service did not start:"; tail -20 "$DATA/service.log"; exit 1; }
    sleep 1
  done
  DB_PORT=$(grep -o 'embedded PostgreSQL on localhost:[0-9]*' "$DATA/service.log" | head -1 | cut -d: -f2)
  pgbench_tps() { # script concurrency
    PGOPTIONS='-c role=moeen_app' pgbench -n -M prepared -f "$1" -c "$2" -j 2 -T "$PG_SECONDS" \
      -h localhost -p "$DB_PORT" -U postgres moeen 2>&1 | awk '/^tps/ { printf "%.0f", $3 }'
  }
  label=$(basename "$JAR")
  slots=$(java -cp "$CP" io.moeen.bench.SlotsBench "$SLOT_N" "$SLOT_C" --url "http://127.0.0.1:$PORT" --query one --machine | tail -1)
  slots_base=$(pgbench_tps bench/sql/slots.sql "$SLOT_C")
  booking=$(java -cp "$CP" io.moeen.bench.BookingBench "$BOOK_N" "$BOOK_C" 20 --url "http://127.0.0.1:$PORT" \
    --db-port "$DB_PORT" --machine | tail -1)
  booking_base=$(pgbench_tps bench/sql/booking.sql "$BOOK_C")
  echo "$label $slots $slots_base" | awk '{ printf "%s %s %s %s %s %s %s %s %.2f\n", $1, $2, $3, $4, $5, $6, $7, $8, $4 / $8 }'
  echo "$label $booking $booking_base" | awk '{ printf "%s %s %s %s %s %s %s %s %.2f\n", $1, $2, $3, $4, $5, $6, $7, $8, $4 / $8 }'
  kill "$PID"; wait "$PID" 2>/dev/null || true
  rm -rf "$DATA"
  trap - EXIT
done
echo "# $(date -u +%FT%TZ) loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
