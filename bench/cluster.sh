#!/usr/bin/env bash
# One node, then two (MOEEN_CLUSTER=on), on this machine, side by side: slot searches/s (GET /v1/slots
# through SlotsBench, one client per node, summed), web chat turns/s (ChatBench --url: 16 visitors whose
# requests go to the nodes in turn, so every conversation moves between nodes), and the event-bus hops
# per request on the slot path (vertx_eventbus_sent_total from each node's /metrics, before and after).
#
# With DB_HOST and REDIS_URL set, the nodes share those (e.g. `docker compose up -d db redis`):
#   DB_HOST=127.0.0.1 DB_USER=moeen DB_PASSWORD=moeen REDIS_URL=redis://127.0.0.1:6379/0 bench/cluster.sh
# Without them, the script starts one embedded PostgreSQL and one embedded Redis itself
# (io.moeen.bench.ClusterBackends) and the first node migrates it with the demo clinic.
# Usage: bench/cluster.sh [requests-per-client=4000] [concurrency-per-client=16] [conversations=200]
# On 2 cores expect the second node to add little: both JVMs share the same cores and each remote hop
# costs a serialisation and a TCP round trip (docs/cluster.md). Not run by CI or bench/all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-4000}
CONCURRENCY=${2:-16}
CONVERSATIONS=${3:-200}
JAVA_OPTS="-XX:+UseSerialGC -Xms64m -Xmx384m --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED"

[ -f target/moeen.jar ] || mvn -B -q -o -DskipTests package
if [ ! -f target/bench.classpath ] || [ pom.xml -nt target/bench.classpath ]; then
  mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
[ -d target/test-classes/io/moeen/bench ] || mvn -B -q -o test-compile
BENCH_CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
KEYS=$(mktemp -d)
PIDS=()
BACKENDS_PID=""
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && wait "$p" 2>/dev/null || true; done
}
trap 'cleanup; [ -n "$BACKENDS_PID" ] && kill "$BACKENDS_PID" 2>/dev/null; rm -rf "$KEYS"' EXIT

if [ -z "${DB_HOST:-}" ]; then
  FIFO=$(mktemp -u); mkfifo "$FIFO"
  java -cp "$BENCH_CP" io.moeen.bench.ClusterBackends <"$FIFO" >target/bench-backends.env 2>target/bench-backends.log &
  BACKENDS_PID=$!
  exec 3>"$FIFO"   # holds the backends' stdin open until this script ends
  until [ -s target/bench-backends.env ]; do sleep 0.5; kill -0 "$BACKENDS_PID" || { cat target/bench-backends.log; exit 1; }; done
  # shellcheck disable=SC2046
  export $(cat target/bench-backends.env)
  echo "backends: embedded PostgreSQL on port $DB_PORT, embedded Redis at $REDIS_URL"
fi
: "${REDIS_URL:?set REDIS_URL to a Redis both nodes share (or leave DB_HOST unset for embedded ones)}"

node() { # name http-port cluster(on/off) hz-port bus-port members
  env HTTP_HOST=127.0.0.1 HTTP_PORT="$2" MOEEN_DEMO_DATA=true MOEEN_JWT_KEYS_DIR="$KEYS" MOEEN_TRUSTED_PROXIES=127.0.0.1 \
    MOEEN_DATA_DIR="$(mktemp -d)" MOEEN_CLUSTER="$3" MOEEN_CLUSTER_HOST=127.0.0.1 MOEEN_CLUSTER_PORT="$4" \
    MOEEN_CLUSTER_BUS_PORT="$5" MOEEN_CLUSTER_MEMBERS="$6" \
    java $JAVA_OPTS -jar target/moeen.jar >"target/bench-$1.log" 2>&1 &
  PIDS+=($!)
  until curl -fs "http://127.0.0.1:$2/health/ready" >/dev/null; do sleep 0.5; done
}
sent() { curl -s "http://127.0.0.1:$1/metrics" | awk '/^vertx_eventbus_sent_total/ {s += $2} END {print s + 0}'; }
chat() { # url[,url] -> "turns/s p50 p99 errors"
  java -cp "$BENCH_CP" io.moeen.bench.ChatBench "$CONVERSATIONS" 16 --url="$1" --machine 2>>target/bench-chat.log | tail -1
}
bench() { # port -> "req/s p50 p99 errors"
  java -cp "$BENCH_CP" io.moeen.bench.SlotsBench "$REQUESTS" "$CONCURRENCY" --url "http://127.0.0.1:$1" --machine \
    2>>target/bench-slots.log | tail -1
}

echo "== one node (MOEEN_CLUSTER=off)"
node one 18301 off 5701 5801 127.0.0.1:5701
before=$(sent 18301)
one=$(bench 18301)
after=$(sent 18301)
echo "slot searches: $one"
# SlotsBench sends each client's requests twice (closed loop, then open loop) plus a warm-up: about
echo "bus hops per slot search (about): $(awk -v a="$after" -v b="$before" -v n="$((REQUESTS * 2))" 'BEGIN {printf "%.2f", (a - b) / n}')"
echo "chat turns (turns/s p50 p99 errors): $(chat http://127.0.0.1:18301)"
cleanup; PIDS=()

echo "== two nodes (MOEEN_CLUSTER=on), one client each"
node a 18311 on 5711 5811 127.0.0.1:5711,127.0.0.1:5712
node b 18312 on 5712 5812 127.0.0.1:5711,127.0.0.1:5712
before=$(( $(sent 18311) + $(sent 18312) ))
bench 18311 > target/bench-cluster-a.txt &
A=$!
bench 18312 > target/bench-cluster-b.txt &
B=$!
wait $A $B
after=$(( $(sent 18311) + $(sent 18312) ))
echo "node A: $(cat target/bench-cluster-a.txt)"
echo "node B: $(cat target/bench-cluster-b.txt)"
echo "slot searches/s, both: $(cat target/bench-cluster-a.txt target/bench-cluster-b.txt | awk '{s += $(NF-3)} END {print s}')"
echo "bus hops per slot search (about): $(awk -v a="$after" -v b="$before" -v n="$((REQUESTS * 4))" 'BEGIN {printf "%.2f", (a - b) / n}')"
echo "chat turns over both nodes in turn (turns/s p50 p99 errors): $(chat http://127.0.0.1:18311,http://127.0.0.1:18312)"
