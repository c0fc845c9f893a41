#!/usr/bin/env bash
# A node killed with SIGKILL in the middle of many concurrent submissions leaves each one whole or
# absent: after the crash every submission row has exactly its question_count answers, and every
# submission the API acknowledged (201) is there. Then the data is checked again after restarting
# the application, restarting PostgreSQL, and restarting the application once more.
#
#   scripts/pg-local.sh start && scripts/kill-during-submit.sh
#
# BYTEWISE_KILL_PORT (18483), BYTEWISE_KILL_AFTER (submissions stored before the kill, 60),
# BYTEWISE_PG_RESTART (command restarting the database; default scripts/pg-local.sh restart,
# empty to skip that step). See nodes-lib.sh for the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/nodes-lib.sh

PORT="${BYTEWISE_KILL_PORT:-18483}"
KILL_AFTER="${BYTEWISE_KILL_AFTER:-60}"
PG_RESTART="${BYTEWISE_PG_RESTART-scripts/pg-local.sh restart}"
CANDIDATES=20
ATTEMPTS=10
QUESTIONS=50
CONCURRENCY=8
JAR=$(find_jar)
RESULTS="$WORK_DIR/kill-results"
trap stop_all_nodes EXIT
rm -rf "$RESULTS" "$WORK_DIR/kill-node.log"
mkdir -p "$RESULTS"

log "Empty database; one node on :$PORT"
reset_database
t0=$(now_ms)
start_node kill-node "$PORT"
wait_healthy kill-node "$PORT"
echo "  healthy after $(( $(now_ms) - t0 )) ms"

log "$CANDIDATES candidates in one class, a $QUESTIONS-question quiz with $ATTEMPTS attempts each"
sql -c "INSERT INTO user_account (username, display_name, password_hash, role, created_at)
        SELECT 'load-' || g, 'Load ' || g, password_hash, 'CANDIDATE', now()
        FROM user_account, generate_series(1, $CANDIDATES) g WHERE username = 'candidate'" >/dev/null
assignment=$(seed_assignment "$QUESTIONS" "$ATTEMPTS" $(for c in $(seq "$CANDIDATES"); do echo "load-$c"; done))
BODY=$(blank_answers "$QUESTIONS")

# One request: its status code (000 without an answer), curl's exit code (7: refused, 52/56: connection
# lost mid-request) and the body, in files named by the request's number.
submit() {
  local code=0
  curl -sS -m 120 -u "$2:candidate-demo" -H 'Content-Type: application/json' --data "$BODY" \
    -o "$RESULTS/$1.body" -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/assignments/$ASSIGNMENT/submissions" \
    >"$RESULTS/$1.status" 2>/dev/null || code=$?
  echo "$code" >"$RESULTS/$1.exit"
}
export -f submit
export BODY RESULTS PORT ASSIGNMENT=$assignment

total=$(( CANDIDATES * ATTEMPTS ))
log "Firing $total submissions, $CONCURRENCY at a time; SIGKILL once $KILL_AFTER are stored"
t1=$(now_ms)
for a in $(seq "$ATTEMPTS"); do for c in $(seq "$CANDIDATES"); do
  echo "$(( (a - 1) * CANDIDATES + c )) load-$c"
done; done | xargs -P "$CONCURRENCY" -n 2 bash -c 'submit "$@"' _ &
load=$!
# Kill once enough are stored and a submission transaction is open right now, so the kill lands inside one.
open=0
until [ "$(sql -c "SELECT count(*) FROM submission")" -ge "$KILL_AFTER" ] && [ "$open" -gt 0 ]; do
  kill -0 "$load" 2>/dev/null || fail "all submissions finished before the kill: raise the load or lower BYTEWISE_KILL_AFTER"
  open=$(sql -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
                 AND pid <> pg_backend_pid() AND xact_start IS NOT NULL")
done
stop_node kill-node KILL
killed_at=$(( $(now_ms) - t1 ))
wait "$load" || true
echo "  killed after $killed_at ms, as $open transactions were open"

acked=$(grep -l '^201$' "$RESULTS"/*.status 2>/dev/null | wc -l)
cut_off=$(grep -lE '^(52|56)$' "$RESULTS"/*.exit 2>/dev/null | wc -l)
refused=$(grep -l '^7$' "$RESULTS"/*.exit 2>/dev/null | wc -l)
stored=$(sql -c "SELECT count(*) FROM submission")
echo "  acknowledged (201): $acked; cut off mid-request: $cut_off; refused after the kill: $refused"
echo "  rows stored: $stored (committed but never acknowledged: $(( stored - acked )))"
[ "$acked" -le "$stored" ] || fail "more acknowledgements than stored submissions"

# check_whole LABEL: every stored submission has all its answers; nothing half-written, nothing lost.
check_whole() {
  log "Checking the database ($1)"
  expect_equal "$(sql -c "SELECT count(*) FROM submission s WHERE s.question_count <>
      (SELECT count(*) FROM submitted_answer a WHERE a.submission_id = s.id)")" 0 "submissions missing answers"
  expect_equal "$(sql -c "SELECT count(*) FROM submission WHERE question_count <> $QUESTIONS")" 0 \
    "submissions with another question count"
  expect_equal "$(sql -c "SELECT count(*) FROM submitted_answer a WHERE NOT EXISTS
      (SELECT 1 FROM submission s WHERE s.id = a.submission_id)")" 0 "answers without a submission"
  expect_equal "$(sql -c "SELECT count(*) FROM (SELECT student_id, count(*) n, max(attempt_no) m FROM submission
      GROUP BY student_id) x WHERE n <> m")" 0 "students with a gap in their attempt numbers"
  expect_equal "$(sql -c "SELECT count(*) FROM submission")" "$stored" "submissions stored"
  local ids
  ids=$(grep -ho '^{"id":[0-9]*' $(grep -l '^201$' "$RESULTS"/*.status | sed 's/status$/body/') | cut -d: -f2 |
        paste -sd, -)
  expect_equal "$(sql -c "SELECT count(*) FROM submission WHERE id IN (${ids:-0})")" "$acked" \
    "acknowledged submissions present"
}
check_whole "after SIGKILL"

log "Restarting the application"
t2=$(now_ms)
start_node kill-node "$PORT"
wait_healthy kill-node "$PORT"
echo "  healthy again after $(( $(now_ms) - t2 )) ms"
check_whole "after the application restart"
used=$(sql -c "SELECT count(*) FROM submission s JOIN user_account u ON u.id = s.student_id WHERE u.username = 'load-1'")
if [ "$used" -lt "$ATTEMPTS" ]; then
  next=$(api POST "$PORT" "/api/v1/assignments/$assignment/submissions" load-1:candidate-demo "$BODY")
  expect_equal "$(status_of <<<"$next")" 201 "a new submission after the restart"
  expect_equal "$(field attemptNo <<<"$next")" $(( used + 1 )) "its attempt number"
  stored=$(( stored + 1 )); acked=$(( acked + 1 ))
  head -n -1 <<<"$next" >"$RESULTS/after-restart.body"; echo 201 >"$RESULTS/after-restart.status"
fi

if [ -n "$PG_RESTART" ]; then
  log "Restarting PostgreSQL under the running node ($PG_RESTART)"
  $PG_RESTART
  listed=$(api GET "$PORT" "/api/v1/assignments/$assignment/submissions" load-1:candidate-demo)
  expect_equal "$(status_of <<<"$listed")" 200 "the node answers after the database restart"
  expect_equal "$(grep -o '"attemptNo"' <<<"$listed" | wc -l)" "$(sql -c "SELECT count(*) FROM submission s
      JOIN user_account u ON u.id = s.student_id WHERE u.username = 'load-1'")" "load-1's submissions via the API"
  check_whole "after the database restart"
fi

log "Stopping and starting the application once more"
stop_node kill-node
start_node kill-node "$PORT"
wait_healthy kill-node "$PORT"
check_whole "after the second application restart"
stop_all_nodes
echo
echo "kill-during-submit: OK ($stored submissions of $QUESTIONS answers each, all whole; total $(( $(now_ms) - t0 )) ms)"
