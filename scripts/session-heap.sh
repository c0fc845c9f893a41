#!/usr/bin/env bash
# Heap held per open drill page, measured on the production jar over real HTTP sessions: starts the
# jar, opens warm-up sessions, reads the used heap after full collections (jcmd), opens N more drill
# tabs (page, Vaadin init, navigation: see DrillSessionOpener), reads it again, prints the difference
# per session, and stops the jar. Usage: scripts/session-heap.sh [sessions]
set -euo pipefail
cd "$(dirname "$0")/.."
SESSIONS="${1:-400}"
PORT="${HEAP_PORT:-18097}"
source scripts/nodes-lib.sh
JAR=$(find_jar)
[ -f target/test-classes/app/bytewise/load/DrillSessionOpener.class ] || ./mvnw -o -q test-compile

trap stop_all_nodes EXIT
start_local_node heap "$PORT" -Xmx1g
wait_healthy heap "$PORT"
APP_PID=${NODE_PIDS[heap]}

open_tabs() { "$JAVA" -cp target/test-classes app.bytewise.load.DrillSessionOpener "http://localhost:$PORT" "$1"; }
used_kib() {
    "${JDK_BIN}jcmd" "$APP_PID" GC.run >/dev/null; sleep 1; "${JDK_BIN}jcmd" "$APP_PID" GC.run >/dev/null; sleep 1
    "${JDK_BIN}jcmd" "$APP_PID" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+'
}

open_tabs 20 >/dev/null   # warm-up: classes loaded, caches filled
before=$(used_kib)
open_tabs "$SESSIONS"
after=$(used_kib)
echo "heap used after GC: ${before} KiB before, ${after} KiB after ${SESSIONS} drill sessions:" \
    "$(( (after - before) / SESSIONS )) KiB per session"
