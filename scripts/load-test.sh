#!/usr/bin/env bash
# Open-loop load test on loopback: starts the production jar on its own emptied H2 data folder
# (target/nodes/load-data), drives /api/v1/estimate and the drill endpoints at a constant rate,
# prints throughput and latency percentiles, and stops the jar. Usage: scripts/load-test.sh [requests/s] [seconds] [scenarios]
# APP_JAVA_OPTS go to the server's JVM only (e.g. APP_JAVA_OPTS=-XX:+UseParallelGC).
set -euo pipefail
cd "$(dirname "$0")/.."
RATE="${1:-500}"
SECONDS_MEASURED="${2:-20}"
SCENARIOS="${3:-estimate,question,answer}"
PORT="${LOAD_PORT:-18090}"
source scripts/nodes-lib.sh
JAR=$(find_jar)
[ -f target/test-classes/app/bytewise/load/ApiLoadDriver.class ] || ./mvnw -o -q test-compile

trap stop_all_nodes EXIT
# shellcheck disable=SC2086
start_local_node load "$PORT" ${APP_JAVA_OPTS:-}
wait_healthy load "$PORT"

"$JAVA" -cp target/test-classes app.bytewise.load.ApiLoadDriver "http://localhost:$PORT" "$RATE" \
    "$SECONDS_MEASURED" "$SCENARIOS"
