#!/usr/bin/env bash
# Heap held per open drill page, measured on the production jar over real HTTP sessions: starts the
# jar, opens warm-up sessions, reads the used heap after full collections (jcmd), opens N more drill
# tabs (page, Vaadin init, navigation: see DrillSessionOpener), reads it again, prints the difference
# per session, and stops the jar. Usage: scripts/session-heap.sh [sessions]
set -euo pipefail
cd "$(dirname "$0")/.."
SESSIONS="${1:-400}"
PORT="${HEAP_PORT:-18097}"
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}"

ls target/bytewise-*.jar >/dev/null 2>&1 || ./mvnw -o -q package -DskipTests
[ -f target/test-classes/app/bytewise/load/DrillSessionOpener.class ] || ./mvnw -o -q test-compile

DATA_DIR="$(mktemp -d)"
PORT="$PORT" BYTEWISE_DATA_DIR="$DATA_DIR" BYTEWISE_DEMO_SAMPLE_DATA=false "${JAVA_BIN}java" -Xmx1g \
    -jar target/bytewise-*.jar > "$DATA_DIR/app.log" 2>&1 &
APP_PID=$!
trap 'kill "$APP_PID" 2>/dev/null || true; rm -rf "$DATA_DIR"' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
    sleep 1
done

open_tabs() { "${JAVA_BIN}java" -cp target/test-classes app.bytewise.load.DrillSessionOpener "http://localhost:$PORT" "$1"; }
used_kib() {
    "${JAVA_BIN}jcmd" "$APP_PID" GC.run >/dev/null; sleep 1; "${JAVA_BIN}jcmd" "$APP_PID" GC.run >/dev/null; sleep 1
    "${JAVA_BIN}jcmd" "$APP_PID" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+'
}

open_tabs 20 >/dev/null   # warm-up: classes loaded, caches filled
before=$(used_kib)
open_tabs "$SESSIONS"
after=$(used_kib)
echo "heap used after GC: ${before} KiB before, ${after} KiB after ${SESSIONS} drill sessions:" \
    "$(( (after - before) / SESSIONS )) KiB per session"
