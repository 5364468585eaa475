#!/usr/bin/env bash
# Every figure of issue 15 in one run, each beside a baseline measured in the same run.
#
#  1. Request overhead: the packaged service (embedded PostgreSQL 17, demo clinic, a fresh data dir
#     under /tmp, started with the README's heap flags) under wrk for GET /health/live (the bare route,
#     the baseline), GET /v1/services anonymous and with a Bearer token, and GET /v1/me. The paths take
#     turns in rounds; each figure is the median. wrk is a closed loop (it waits for answers, so it sends
#     less when the service slows down); the p99 beside it comes from bench OpenLoop, an open loop at
#     half the path's throughput that counts each latency from when the request was due (coordinated
#     omission corrected, like wrk2, which Debian does not package).
#  2. GET /v1/slots (one doctor, one week) under wrk with 64 connections, against pgbench of the same
#     statements (bench/sql/slots.sql) with 64 clients, as moeen_app under row-level security.
#  3. POST /v1/appointments (BookingBench --url against the same service) against pgbench of its
#     transaction (bench/sql/booking.sql); the web chat turn (ChatBench, its own service and its own pgbench
#     baseline of a turn's statements); the lead search over 100,000 leads (LeadSearchBench).
#  4. Start: the same jar restarted on the data dir section 1 initialised, to /health/ready, 3 times
#     (median); then the RSS of the process that served sections 1, 2 and the booking part of 3.
#
# Usage: bench/all.sh [seconds-per-path=10] [connections=32] [rounds=3]
#   MOEEN_BENCH_JFR=/tmp/x.jfr   also records section 1 and 2 with Java Flight Recorder (profile settings)
#   MOEEN_BENCH_PORT=18080       the loopback port
#   MOEEN_BENCH_JAVA_OPTS=...    other JVM flags than the README's (to compare)
#   MOEEN_BENCH_ONLY=overhead    run one section: overhead, slots, booking, chat, leads, start
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PATH=${1:-10}
CONNECTIONS=${2:-32}
ROUNDS=${3:-3}
PORT=${MOEEN_BENCH_PORT:-18080}
BASE="http://127.0.0.1:$PORT"
ONLY=${MOEEN_BENCH_ONLY:-}
# the README's run command uses these flags; keep the two in step
JAVA_OPTS=${MOEEN_BENCH_JAVA_OPTS:--XX:SharedArchiveFile=target/moeen.jsa -XX:+UseSerialGC -Xms64m -Xmx256m -XX:+ExitOnOutOfMemoryError}

if [ ! -f target/moeen.jar ] || [ ! -d target/test-classes ] \
  || [ -n "$(find src pom.xml openapi.yaml contract db i18n -newer target/moeen.jar -print -quit)" ]; then
  mvn -B -q -o -DskipTests package
fi
if [ ! -f target/bench.classpath ] || [ pom.xml -nt target/bench.classpath ]; then
  mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
BENCH_CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
need() { command -v "$1" >/dev/null || apt-get install -y "$2" >/dev/null; }
need wrk wrk
need jq jq
need pgbench postgresql-client

DATA=$(mktemp -d /tmp/moeen-bench.XXXXXX)
JFR_OPTION=()
if [ -n "${MOEEN_BENCH_JFR:-}" ]; then
  JFR_OPTION=("-XX:StartFlightRecording=filename=$MOEEN_BENCH_JFR,settings=profile,dumponexit=true")
fi
PID=
start_service() {
  # shellcheck disable=SC2086
  HTTP_HOST=127.0.0.1 HTTP_PORT=$PORT MOEEN_DATA_DIR="$DATA" MOEEN_DISPATCH_INTERVAL_MS=0 \
    java $JAVA_OPTS "$@" -jar target/moeen.jar >>"$DATA/service.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 2400); do
    curl -fs "$BASE/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$PID" 2>/dev/null || { echo "the service did not start:"; tail -20 "$DATA/service.log"; exit 1; }
    sleep 0.05
  done
  echo "the service was not ready after 120 s"; exit 1
}
stop_service() {
  if [ -n "$PID" ]; then
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    PID=
  fi
}
trap 'stop_service; rm -rf "$DATA"' EXIT

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
line() { printf '%-40s %9s %9s %9s %9s %5s %7s  %-34s %s\n' "$@"; }
header() {
  printf '%-40s %9s %9s %9s %9s %5s %7s  %-34s %s\n' path 'req/s' 'p50 ms' 'p99 ms' 'p99 open' hops ratio baseline target
}
# event-bus messages sent per request of a path (replies not counted): the service's own counter
# (vertx_eventbus_sent_total on /metrics) over 20 requests one after another
hops() {
  local path=$1; shift
  local before after
  before=$(curl -s "$BASE/metrics" | awk '/^vertx_eventbus_sent_total/ { print $2 }')
  for _ in $(seq 1 20); do curl -s -o /dev/null "$@" "$BASE$path"; done
  after=$(curl -s "$BASE/metrics" | awk '/^vertx_eventbus_sent_total/ { print $2 }')
  awk -v a="$after" -v b="$before" 'BEGIN { printf "%.1f", (a - b) / 20 }'
}
# one wrk run: prints "req/s p50 p99 non-2xx" (latencies in ms)
run_wrk() {
  local seconds=$1 connections=$2 path=$3; shift 3
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" "$BASE$path" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF }
    END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }'
}
# open-loop p99 (ms) at a fixed rate: prints the OpenLoop line
open_loop() {
  local rate=$1 seconds=$2 connections=$3 path=$4; shift 4
  java -cp "$BENCH_CP" io.moeen.bench.OpenLoop "$BASE$path" "$rate" "$seconds" "$connections" "$@"
}
db_port() { sed -n 's/.*embedded PostgreSQL on localhost:\([0-9]*\)\/.*/\1/p' "$DATA/service.log" | head -1; }
# pgbench tps of a script as moeen_app (row-level security applies), prepared statements
pgbench_tps() {
  local script=$1 clients=$2 seconds=$3
  PGOPTIONS="-c role=moeen_app" pgbench -n -M prepared -c "$clients" -j 2 -T "$seconds" \
    -h localhost -p "$(db_port)" -U postgres -f "$script" moeen 2>&1 \
    | awk '/^tps/ { print int($3) } /^latency average/ { }' | head -1
}

printf '%s, nproc %s, load average %s, JVM flags: %s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$JAVA_OPTS"
start_service "${JFR_OPTION[@]}"
login() {
  curl -fs -H 'Content-Type: application/json' \
    -d "{\"identifier\":\"$1\",\"password\":\"MoeenDemo#2026\"}" "$BASE/v1/auth/login" | jq -r .accessToken
}
TOKEN=$(login reception@moeen-clinic.example)
PATIENT_TOKEN=$(login ahmed@patients.example)
SLOTS="/v1/slots?serviceId=00000000-0000-4000-c300-000000000001&doctorId=00000000-0000-4000-c200-000000000004"

# a path that does not answer 200 is not measured
check() {
  local path=$1; shift
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$BASE$path")
  [ "$status" = 200 ] || { echo "GET $path answered $status, not 200"; exit 1; }
}
check /health/live
check /v1/services
check /v1/services -H "Authorization: Bearer $TOKEN"
check /v1/me -H "Authorization: Bearer $PATIENT_TOKEN"
check "$SLOTS"

header
if [ -z "$ONLY" ] || [ "$ONLY" = overhead ]; then
  # warm-up: JIT and pools, not measured
  run_wrk 5 "$CONNECTIONS" /health/live >/dev/null
  run_wrk 5 "$CONNECTIONS" /v1/services >/dev/null
  run_wrk 5 "$CONNECTIONS" /v1/services -H "Authorization: Bearer $TOKEN" >/dev/null
  run_wrk 5 "$CONNECTIONS" /v1/me -H "Authorization: Bearer $PATIENT_TOKEN" >/dev/null
  # on a shared machine the load of other processes swings within seconds: the paths take turns
  ROUND_SECONDS=$(( (SECONDS_PER_PATH + ROUNDS - 1) / ROUNDS ))
  : >"$DATA/rounds"
  for _ in $(seq 1 "$ROUNDS"); do
    echo "live $(run_wrk "$ROUND_SECONDS" "$CONNECTIONS" /health/live)" >>"$DATA/rounds"
    echo "anon $(run_wrk "$ROUND_SECONDS" "$CONNECTIONS" /v1/services)" >>"$DATA/rounds"
    echo "auth $(run_wrk "$ROUND_SECONDS" "$CONNECTIONS" /v1/services -H "Authorization: Bearer $TOKEN")" >>"$DATA/rounds"
    echo "me $(run_wrk "$ROUND_SECONDS" "$CONNECTIONS" /v1/me -H "Authorization: Bearer $PATIENT_TOKEN")" >>"$DATA/rounds"
  done
  median() {
    awk -v key="$1" -v col="$2" '$1 == key { print $col }' "$DATA/rounds" | sort -g \
      | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
  }
  row() { echo "$(median "$1" 2) $(median "$1" 3) $(median "$1" 4)"; }
  # the open-loop p99 at half of what wrk reached on that path
  open_p99() {
    local rps=$1 path=$2; shift 2
    open_loop "$(( rps / 2 > 50 ? rps / 2 : 50 ))" "$SECONDS_PER_PATH" "$CONNECTIONS" "$path" "$@" | awk '{ print $3 }'
  }
  read -r BASE_RPS BASE_P50 BASE_P99 < <(row live)
  read -r ANON_RPS ANON_P50 ANON_P99 < <(row anon)
  read -r AUTH_RPS AUTH_P50 AUTH_P99 < <(row auth)
  read -r ME_RPS ME_P50 ME_P99 < <(row me)
  BASE_OPEN=$(open_p99 "$BASE_RPS" /health/live)
  ANON_OPEN=$(open_p99 "$ANON_RPS" /v1/services)
  AUTH_OPEN=$(open_p99 "$AUTH_RPS" /v1/services -H "Authorization: Bearer $TOKEN")
  ME_OPEN=$(open_p99 "$ME_RPS" /v1/me -H "Authorization: Bearer $PATIENT_TOKEN")
  line 'GET /health/live' "$BASE_RPS" "$BASE_P50" "$BASE_P99" "$BASE_OPEN" "$(hops /health/live)" 1.00 'itself' 'the bare route'
  line 'GET /v1/services anonymous' "$ANON_RPS" "$ANON_P50" "$ANON_P99" "$ANON_OPEN" "$(hops /v1/services)" \
    "$(ratio "$ANON_RPS" "$BASE_RPS")" 'GET /health/live' '≥ 0.5'
  line 'GET /v1/services Bearer' "$AUTH_RPS" "$AUTH_P50" "$AUTH_P99" "$AUTH_OPEN" \
    "$(hops /v1/services -H "Authorization: Bearer $TOKEN")" \
    "$(ratio "$AUTH_RPS" "$BASE_RPS")" 'GET /health/live' '≥ 0.4'
  line 'GET /v1/me Bearer (patient)' "$ME_RPS" "$ME_P50" "$ME_P99" "$ME_OPEN" \
    "$(hops /v1/me -H "Authorization: Bearer $PATIENT_TOKEN")" \
    "$(ratio "$ME_RPS" "$BASE_RPS")" 'GET /health/live' '≥ 0.4'
fi

if { [ -z "$ONLY" ] || [ "$ONLY" = slots ]; } && [ -f bench/sql/slots.sql ]; then
  run_wrk 5 64 "$SLOTS" >/dev/null
  read -r SLOT_RPS SLOT_P50 SLOT_P99 _ < <(run_wrk "$SECONDS_PER_PATH" 64 "$SLOTS")
  SLOT_OPEN=$(open_loop "$(( SLOT_RPS / 2 > 20 ? SLOT_RPS / 2 : 20 ))" "$SECONDS_PER_PATH" 64 "$SLOTS" | awk '{ print $3 }')
  SLOT_TPS=$(pgbench_tps bench/sql/slots.sql 64 "$SECONDS_PER_PATH")
  line 'GET /v1/slots one doctor, week (c64)' "$SLOT_RPS" "$SLOT_P50" "$SLOT_P99" "$SLOT_OPEN" "$(hops "$SLOTS")" \
    "$(ratio "$SLOT_RPS" "$SLOT_TPS")" "pgbench slots.sql c64: $SLOT_TPS tps" '≥ 0.6, p99 ≤ 20 ms'
fi
if [ -z "$ONLY" ] || [ "$ONLY" = booking ]; then
  # distinct free follow-up slots for distinct walk-in patients, 16 in flight (req/s); p50 and the open
  # p99 at a fixed 70% of that rate (CorrectedLoad); baseline: pgbench of the booking transaction, 16 clients
  read -r _ _ BOOK_RPS BOOK_P50 BOOK_P99 BOOK_BAD < <(java -cp "$BENCH_CP" io.moeen.bench.BookingBench 400 16 20 \
    --url "$BASE" --db-port "$(db_port)" --machine 2>"$DATA/booking.err" | grep '^POST' | tail -1)
  BOOK_TPS=$(pgbench_tps bench/sql/booking.sql 16 "$SECONDS_PER_PATH")
  line 'POST /v1/appointments (c16)' "$BOOK_RPS" "$BOOK_P50" '-' "$BOOK_P99" '-' \
    "$(ratio "$BOOK_RPS" "$BOOK_TPS")" "pgbench booking.sql c16: $BOOK_TPS tps" "≥ 0.4, p99 ≤ 50 ms ($BOOK_BAD bad)"
fi
RSS_KB=$(ps -o rss= -p "$PID" | tr -d ' ')
stop_service

if [ -z "$ONLY" ] || [ "$ONLY" = chat ]; then
  # ChatBench runs its own service (README flags) and its own pgbench baseline of a turn's statements,
  # 16 visitors / 16 clients; its first line: turns/s p50 p99 errors, its second: baseline tps p50 p99 failed
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$BENCH_CP" io.moeen.bench.ChatBench 200 16 --baseline --machine 2>"$DATA/chat.err" \
    | grep -v '^{' >"$DATA/chat.out" || { echo "ChatBench failed:"; tail -5 "$DATA/chat.err"; }
  read -r CHAT_RPS CHAT_P50 CHAT_P99 CHAT_BAD < <(sed -n 1p "$DATA/chat.out")
  read -r _ CHAT_TPS _ < <(grep '^baseline' "$DATA/chat.out")
  line 'web chat turn (16 visitors)' "$CHAT_RPS" "$CHAT_P50" "$CHAT_P99" '-' '-' \
    "$(ratio "$CHAT_RPS" "$CHAT_TPS")" "pgbench chat-turn.sql c16: $CHAT_TPS tps" "≥ 1000 turns/s, p99 ≤ 30 ms ($CHAT_BAD bad)"
fi

if [ -z "$ONLY" ] || [ "$ONLY" = leads ]; then
  # LeadSearchBench runs its own service over 100,000 generated leads, 8 in flight (closed loop), and
  # pgbench of each search's statements at the same concurrency; tab-separated lines
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$BENCH_CP" io.moeen.bench.LeadSearchBench 100000 200 8 --machine --pgbench \
    2>"$DATA/leads.err" | grep -a -P '\t.*\t.*\t' | sed 's/^\x1b\[0m//' >"$DATA/leads.out" \
    || { echo "LeadSearchBench failed:"; tail -5 "$DATA/leads.err"; }
  while IFS=$'\t' read -r path p50 p99 items; do
    case "$path" in pgbench*) continue ;; esac
    base=$(awk -F'\t' -v p="pgbench $path" '$1 == p { printf "pgbench p99 %s ms", $3 }' "$DATA/leads.out")
    line "GET ${path#/v1/crm/leads}" '-' "$p50" "$p99" '-' '-' '-' "${base:--}" "p99 ≤ 50 ms ($items items)"
  done <"$DATA/leads.out"
fi

if [ -z "$ONLY" ] || [ "$ONLY" = start ]; then
  : >"$DATA/starts"
  for _ in 1 2 3; do
    started=$(date +%s%N)
    start_service
    echo $(( ($(date +%s%N) - started) / 1000000 )) >>"$DATA/starts"
    stop_service
  done
  START_MS=$(sort -g "$DATA/starts" | sed -n 2p)
  printf 'start to /health/ready (initialised data dir, median of 3): %s ms (target ≤ 3000); runs: %s\n' \
    "$START_MS" "$(tr '\n' ' ' <"$DATA/starts")"
fi
if [ -n "${RSS_KB:-}" ]; then
  printf 'RSS of the java process after sections 1-2 and booking: %s MiB (target ≤ 350)\n' "$((RSS_KB / 1024))"
fi
