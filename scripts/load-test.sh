#!/usr/bin/env bash
# Open-loop load test on loopback: starts the production jar on a free port with a throw-away data
# folder, drives /api/v1/estimate and the drill endpoints at a constant rate, prints throughput and
# latency percentiles, and stops the jar. Usage: scripts/load-test.sh [requests/s] [seconds] [scenarios]
# APP_JAVA_OPTS go to the server's JVM only (e.g. APP_JAVA_OPTS=-XX:+UseParallelGC).
set -euo pipefail
cd "$(dirname "$0")/.."
RATE="${1:-500}"
SECONDS_MEASURED="${2:-20}"
SCENARIOS="${3:-estimate,question,answer}"
PORT="${LOAD_PORT:-18090}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

ls target/bytewise-*.jar >/dev/null 2>&1 || ./mvnw -o -q package -DskipTests
[ -f target/test-classes/app/bytewise/load/ApiLoadDriver.class ] || ./mvnw -o -q test-compile

DATA_DIR="$(mktemp -d)"
# shellcheck disable=SC2086
PORT="$PORT" BYTEWISE_DATA_DIR="$DATA_DIR" "$JAVA" ${APP_JAVA_OPTS:-} -jar target/bytewise-*.jar > "$DATA_DIR/app.log" 2>&1 &
APP_PID=$!
trap 'kill "$APP_PID" 2>/dev/null || true; rm -rf "$DATA_DIR"' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
    sleep 1
done

"$JAVA" -cp target/test-classes app.bytewise.load.ApiLoadDriver "http://localhost:$PORT" "$RATE" \
    "$SECONDS_MEASURED" "$SCENARIOS"
