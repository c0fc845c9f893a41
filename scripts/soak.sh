#!/usr/bin/env bash
# Soak run against the production jar on its default embedded H2 file database, with the pool's
# shortest connection lifetime (30 s) and a short idle timeout, so connections are retired and
# replaced all the time. Two starts, as a new installation has them:
#   1. a first start on an empty database (migrations run in this process): drill answers, estimates
#      and pages for 45 s, past the first connections' lifetime;
#   2. the soak accounts and assignments written into the stopped database (scripts/soak/fixture.sql),
#      then the app started again and driven with the full mix for the given minutes: page views,
#      drill answers (signed in and not), estimates, lab runs and quiz submissions.
# Checks (SoakDriver): no 5xx and no failed check, every acknowledged write read back, heap after full
# collections flat after the warm-up, latency steady; and no ERROR in the app's log.
# Usage: scripts/soak.sh [minutes, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-10}"
PORT="${SOAK_PORT:-18099}"
source scripts/nodes-lib.sh
JAR=$(find_jar)
[ -f target/test-classes/app/bytewise/soak/SoakDriver.class ] || ./mvnw -o -q test-compile

# Sessions expire after the servlet's timeout (10 min by default); the warm-up lasts until the first
# ones have, so the heap is judged at its steady state. Short runs shorten the timeout to see that
# state at all.
if [ "$MINUTES" -ge 60 ]; then SESSION_TIMEOUT=10; else SESSION_TIMEOUT=2; fi
WARMUP=$(( (SESSION_TIMEOUT + 3) * 60 ))
[ "$WARMUP" -lt $(( MINUTES * 30 )) ] || WARMUP=$(( MINUTES * 30 ))

DATA="$PWD/$WORK_DIR/soak-data"
LOG="$WORK_DIR/soak.log"
rm -rf "$DATA"; : >"$LOG"
start_soak_node() {
  PORT="$PORT" BYTEWISE_DATA_DIR="$DATA" BYTEWISE_DEMO_ENABLED=true BYTEWISE_DEMO_SAMPLE_DATA=true \
    SPRING_DATASOURCE_HIKARI_MAX_LIFETIME=30000 SPRING_DATASOURCE_HIKARI_IDLE_TIMEOUT=10000 \
    SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE=2 SERVER_SERVLET_SESSION_TIMEOUT="${SESSION_TIMEOUT}m" \
    "$JAVA" -Xmx1g -jar "$JAR" >>"$LOG" 2>&1 &
  NODE_PIDS[soak]=$!
}
drive() { "$JAVA" -Dsoak.warmup="$3" -Dsoak.interval="${SOAK_INTERVAL:-60}" -Dsoak.heapEvery="${SOAK_HEAP_EVERY:-60}" \
  -cp target/test-classes app.bytewise.soak.SoakDriver "http://127.0.0.1:$PORT" "$1" "${NODE_PIDS[soak]}" \
  "${JDK_BIN}jcmd" "$2"; }
trap stop_all_nodes EXIT

log "First start on an empty database: 45 s of drill answers, estimates and pages"
start_soak_node
wait_healthy soak "$PORT"
SOAK_INTERVAL=15 SOAK_HEAP_EVERY=15 drive 45 fresh 0 || fail "first-start phase"
stop_node soak

log "Soak accounts and assignments (scripts/soak/fixture.sql)"
H2_JAR="$WORK_DIR/$(unzip -Z1 "$JAR" | grep -o 'h2-[0-9.]*\.jar' | head -1)"
unzip -p "$JAR" "BOOT-INF/lib/$(basename "$H2_JAR")" >"$H2_JAR"
"$JAVA" -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$DATA/bytewise" -user sa \
  -script scripts/soak/fixture.sql

log "Soak: $MINUTES min, warm-up $WARMUP s, session timeout $SESSION_TIMEOUT min, pool lifetime 30 s"
start_soak_node
wait_healthy soak "$PORT"
drive $(( MINUTES * 60 )) full "$WARMUP" || fail "soak checks (see above)"
stop_node soak

errors=$(grep -c ' ERROR ' "$LOG" || true)
[ "$errors" -eq 0 ] || { grep -m5 -A5 ' ERROR ' "$LOG" >&2; fail "$errors ERROR lines in $LOG"; }
echo "  ok: no ERROR in the app's log"
log "Soak passed"
