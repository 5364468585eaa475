#!/usr/bin/env bash
# Writes src/main/cds/moeen.classlist anew: the classes the packaged service loads from start to
# its first answers (a sign-in, the catalogue, slots, a chat session), which the build archives into
# target/moeen.jsa (class-data sharing, see pom.xml). Run it after large changes to what starts;
# a stale list only makes the start slower, never wrong.
# Usage: bench/cds-classlist.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -Dmaven.test.skip=true package
PORT=${MOEEN_BENCH_PORT:-18090}
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d /tmp/moeen-cds.XXXXXX)
LIST="$DATA/classlist"
HTTP_HOST=127.0.0.1 HTTP_PORT=$PORT MOEEN_DATA_DIR="$DATA" \
  java -XX:DumpLoadedClassList="$LIST" -XX:+UseSerialGC -Xmx256m -jar target/moeen.jar >"$DATA/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 600); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { tail -20 "$DATA/service.log"; exit 1; }
  sleep 0.2
done
TOKEN=$(curl -fs -H 'Content-Type: application/json' \
  -d '{"identifier":"reception@moeen-clinic.example","password":"MoeenDemo#2026"}' "$BASE/v1/auth/login" \
  | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/v1/services"
curl -fs -o /dev/null "$BASE/v1/slots?serviceId=00000000-0000-4000-c300-000000000001&doctorId=00000000-0000-4000-c200-000000000004"
curl -fs -o /dev/null -H 'Content-Type: application/json' -d '{}' "$BASE/v1/chat/sessions" || true
kill "$PID"; wait "$PID" 2>/dev/null || true
cp "$LIST" src/main/cds/moeen.classlist
echo "src/main/cds/moeen.classlist: $(grep -vc '^#' src/main/cds/moeen.classlist) classes"
