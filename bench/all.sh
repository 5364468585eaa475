#!/usr/bin/env bash
# Request overhead on loopback: the packaged service (embedded PostgreSQL 17, demo clinic, a fresh
# data dir under /tmp) under wrk, one path after another, against the bare GET /health/live of the
# same run. Prints path, req/s, p50/p99, the ratio to that baseline and the target; then the RSS of
# the java process.
# Usage: bench/all.sh [seconds-per-path=10] [connections=32] [rounds=3]
#   MOEEN_BENCH_JFR=/tmp/x.jfr  also records the whole run with Java Flight Recorder (profile settings)
#   MOEEN_BENCH_PORT=18080      the loopback port
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PATH=${1:-10}
CONNECTIONS=${2:-32}
ROUNDS=${3:-3}
PORT=${MOEEN_BENCH_PORT:-18080}
BASE="http://127.0.0.1:$PORT"

if [ ! -f target/moeen.jar ] || [ -n "$(find src/main pom.xml openapi.yaml contract db -newer target/moeen.jar -print -quit)" ]; then
  # maven.test.skip: -DskipTests alone still compiles tests, which need the generated client
  mvn -B -q -o -Dmaven.test.skip=true package
fi
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
command -v jq >/dev/null || apt-get install -y jq >/dev/null

DATA=$(mktemp -d /tmp/moeen-bench.XXXXXX)
JFR_OPTION=()
if [ -n "${MOEEN_BENCH_JFR:-}" ]; then
  JFR_OPTION=("-XX:StartFlightRecording=filename=$MOEEN_BENCH_JFR,settings=profile,dumponexit=true")
fi
HTTP_HOST=127.0.0.1 HTTP_PORT=$PORT MOEEN_DATA_DIR="$DATA" MOEEN_DISPATCH_INTERVAL_MS=0 \
  java "${JFR_OPTION[@]}" -jar target/moeen.jar >"$DATA/service.log" 2>&1 &
PID=$!
stop() {
  kill "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap stop EXIT

for _ in $(seq 1 240); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { echo "the service did not start:"; tail -20 "$DATA/service.log"; exit 1; }
  sleep 1
done

login() {
  curl -fs -H 'Content-Type: application/json' \
    -d "{\"identifier\":\"$1\",\"password\":\"MoeenDemo#2026\"}" "$BASE/v1/auth/login" | jq -r .accessToken
}
TOKEN=$(login reception@moeen-clinic.example)
PATIENT_TOKEN=$(login ahmed@patients.example)

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

# one wrk run: prints "req/s p50 p99 non-2xx" (latencies in ms)
run() {
  local path=$1; shift
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_PATH}s" --latency "$@" "$BASE$path" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF }
    END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }'
}

# warm-up: JIT and pools, not measured
for path in /health/live /v1/services; do
  wrk -t2 -c"$CONNECTIONS" -d5s "$BASE$path" >/dev/null
done
wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $TOKEN" "$BASE/v1/services" >/dev/null

# On a shared machine the load of other processes swings within seconds: the paths take turns,
# ROUNDS times for SECONDS_PER_PATH/ROUNDS each, and each figure is the median of its rounds.
ROUND_SECONDS=$(( (SECONDS_PER_PATH + ROUNDS - 1) / ROUNDS ))
: >"$DATA/rounds"
for round in $(seq 1 "$ROUNDS"); do
  echo "live $(SECONDS_PER_PATH=$ROUND_SECONDS run /health/live)" >>"$DATA/rounds"
  echo "anon $(SECONDS_PER_PATH=$ROUND_SECONDS run /v1/services)" >>"$DATA/rounds"
  echo "auth $(SECONDS_PER_PATH=$ROUND_SECONDS run /v1/services -H "Authorization: Bearer $TOKEN")" >>"$DATA/rounds"
  echo "me $(SECONDS_PER_PATH=$ROUND_SECONDS run /v1/me -H "Authorization: Bearer $PATIENT_TOKEN")" >>"$DATA/rounds"
done
# median of column $2 (req/s), $3 (p50), $4 (p99); sum of $5 (non-2xx) for one path
median() {
  awk -v key="$1" -v col="$2" '$1 == key { print $col }' "$DATA/rounds" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
row() {
  echo "$(median "$1" 2) $(median "$1" 3) $(median "$1" 4) $(awk -v key="$1" '$1 == key { s += $5 } END { print s + 0 }' "$DATA/rounds")"
}
read -r BASE_RPS BASE_P50 BASE_P99 BASE_BAD < <(row live)
read -r ANON_RPS ANON_P50 ANON_P99 ANON_BAD < <(row anon)
read -r AUTH_RPS AUTH_P50 AUTH_P99 AUTH_BAD < <(row auth)
read -r ME_RPS ME_P50 ME_P99 ME_BAD < <(row me)
RSS_KB=$(ps -o rss= -p "$PID" | tr -d ' ')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
printf '%s, nproc %s, load average %s, %s rounds of %ss per path (medians), %s connections\n' \
  "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$ROUNDS" "$ROUND_SECONDS" "$CONNECTIONS"
printf '%-36s %9s %9s %9s %7s %6s  %s\n' path 'req/s' 'p50 ms' 'p99 ms' non-2xx ratio target
line() { printf '%-36s %9s %9s %9s %7s %6s  %s\n' "$@"; }
line 'GET /health/live (baseline)' "$BASE_RPS" "$BASE_P50" "$BASE_P99" "$BASE_BAD" 1.00 'the bare route: request overhead'
line 'GET /v1/services anonymous' "$ANON_RPS" "$ANON_P50" "$ANON_P99" "$ANON_BAD" "$(ratio "$ANON_RPS" "$BASE_RPS")" 'one bus round trip + a cached read'
line 'GET /v1/services Bearer' "$AUTH_RPS" "$AUTH_P50" "$AUTH_P99" "$AUTH_BAD" "$(ratio "$AUTH_RPS" "$BASE_RPS")" \
  "≥ 0.8 × anonymous (now $(ratio "$AUTH_RPS" "$ANON_RPS"))"
line 'GET /v1/me Bearer (patient)' "$ME_RPS" "$ME_P50" "$ME_P99" "$ME_BAD" "$(ratio "$ME_RPS" "$BASE_RPS")" \
  '≥ 0.5 × anonymous services (reads the profile row)'
printf 'RSS of the java process after the run: %s MiB\n' "$((RSS_KB / 1024))"
