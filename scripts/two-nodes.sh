#!/usr/bin/env bash
# Two application nodes on one PostgreSQL database, started at the same moment on an empty schema
# (racing for the migrations and the demo accounts). Proves that what one node writes the other
# reads: accounts, drill progress, assignments and submissions, and that one attempt submitted to
# both nodes at once is recorded once; and that a sign-in lockout earned across both nodes holds on
# each; then, on an empty database again, that the sample class two nodes race to create is made
# once. Stops both nodes at the end.
#
#   scripts/pg-local.sh start && scripts/two-nodes.sh
#
# Ports: BYTEWISE_NODE_A_PORT (18481) and BYTEWISE_NODE_B_PORT (18482). See nodes-lib.sh for the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/nodes-lib.sh

A="${BYTEWISE_NODE_A_PORT:-18481}"
B="${BYTEWISE_NODE_B_PORT:-18482}"
CANDIDATE=candidate:candidate-demo
JAR=$(find_jar)
trap stop_all_nodes EXIT
rm -f "$WORK_DIR"/node-a.log "$WORK_DIR"/node-b.log

log "Empty database $PG_DATABASE on $PG_HOST:$PG_PORT; starting nodes A (:$A) and B (:$B) at once from $JAR"
reset_database
t0=$(now_ms)
start_node node-a "$A"
start_node node-b "$B"
wait_healthy node-a "$A"
wait_healthy node-b "$B"
echo "  both nodes healthy after $(( $(now_ms) - t0 )) ms"

log "Migrations ran once, each demo account exists once"
migrations=$(find db/migration -name 'V*__*.sql' | wc -l)
expect_equal "$(sql -c "SELECT count(*) FROM flyway_schema_history WHERE success")" "$migrations" "applied migrations"
expect_equal "$(sql -c "SELECT count(*) FROM user_account")" 3 "accounts (3 demo)"
created=$(cat "$WORK_DIR"/node-a.log "$WORK_DIR"/node-b.log | grep -c "Created demo account" || true)
expect_equal "$created" 3 "demo accounts created (across both nodes)"

log "Users: the same account signs in on both nodes"
me_a=$(api GET "$A" /api/v1/me "$CANDIDATE")
me_b=$(api GET "$B" /api/v1/me "$CANDIDATE")
expect_equal "$(status_of <<<"$me_a")" 200 "GET /me on A"
expect_equal "$(field id <<<"$me_b")" "$(field id <<<"$me_a")" "candidate id on B (same as on A)"

log "Progress: an answer recorded through A counts on B"
question=$(curl -fsS "http://127.0.0.1:$A/api/v1/questions?topic=kv-cache&difficulty=1&seed=7&kind=choice" | field id)
answer=$(api POST "$A" "/api/v1/questions/$question/answer" "$CANDIDATE" '{"answer":"A","timeTakenMs":20000}')
expect_equal "$(field recorded <<<"$answer")" true "answer recorded on A"
expect_equal "$(api GET "$B" /api/v1/me/progress "$CANDIDATE" | field attempts)" 1 "attempts seen on B"

log "Assignments: set once, seen, submitted and counted on both nodes"
assignment=$(seed_assignment 4 3 candidate)
listed=$(api GET "$B" /api/v1/assignments "$CANDIDATE")
expect_equal "$(field id <<<"$listed")" "$assignment" "assignment listed on B"
expect_equal "$(field attemptsUsed <<<"$listed")" 0 "attempts used before submitting"
blanks=$(blank_answers 4)
first=$(api POST "$A" "/api/v1/assignments/$assignment/submissions" "$CANDIDATE" "$blanks")
expect_equal "$(status_of <<<"$first")" 201 "attempt submitted on A"
expect_equal "$(api GET "$B" /api/v1/assignments "$CANDIDATE" | field attemptsUsed)" 1 "attempts used, seen on B"
second=$(api POST "$B" "/api/v1/assignments/$assignment/submissions" "$CANDIDATE" "$blanks")
expect_equal "$(field attemptNo <<<"$second")" 2 "the next attempt on B is number"

log "The last attempt submitted to both nodes at the same moment is recorded once"
api POST "$A" "/api/v1/assignments/$assignment/submissions" "$CANDIDATE" "$blanks" >"$WORK_DIR/race-a" &
race_a=$!
api POST "$B" "/api/v1/assignments/$assignment/submissions" "$CANDIDATE" "$blanks" >"$WORK_DIR/race-b" &
race_b=$!
wait "$race_a" "$race_b"
statuses=$(printf '%s\n%s\n' "$(status_of <"$WORK_DIR/race-a")" "$(status_of <"$WORK_DIR/race-b")" | sort | tr '\n' ' ')
expect_equal "$statuses" "201 409 " "statuses of the two submissions"
expect_equal "$(sql -c "SELECT count(*) FROM submission WHERE assignment_id = $assignment")" 3 "submissions stored"
expect_equal "$(sql -c "SELECT string_agg(attempt_no::text, ',' ORDER BY attempt_no) FROM submission")" "1,2,3" \
  "attempt numbers"
expect_equal "$(api GET "$A" "/api/v1/assignments/$assignment/submissions" "$CANDIDATE" | grep -o '"attemptNo"' | wc -l)" \
  3 "submissions listed on A"

log "Sign-in throttling is shared: 5 wrong passwords spread over both nodes lock the account on each"
INSTRUCTOR=instructor:instructor-demo
for port in "$A" "$A" "$A" "$B" "$B"; do
  expect_equal "$(api GET "$port" /api/v1/me instructor:not-the-password | status_of)" 401 "wrong password on :$port"
done
expect_equal "$(api GET "$A" /api/v1/me "$INSTRUCTOR" | status_of)" 401 "right password on A during the lockout"
expect_equal "$(api GET "$B" /api/v1/me "$INSTRUCTOR" | status_of)" 401 "right password on B during the lockout"
expect_equal "$(sql -c "SELECT count(*) FROM login_throttle WHERE blocked_until > now()")" 1 "locked keys in the database"
expect_equal "$(api GET "$A" /api/v1/me "$CANDIDATE" | status_of)" 200 "another account from the same address"

log "Stopping both nodes"
t1=$(now_ms)
stop_all_nodes
echo "  stopped in $(( $(now_ms) - t1 )) ms"

log "Empty database again; both nodes start at once with the sample class on: it is made once"
reset_database
SAMPLE_DATA=true start_node node-a "$A"
SAMPLE_DATA=true start_node node-b "$B"
wait_healthy node-a "$A"
wait_healthy node-b "$B"
expect_equal "$(sql -c "SELECT count(*) FROM classroom")" 1 "classes"
expect_equal "$(sql -c "SELECT count(*) FROM quiz")" 1 "quizzes"
expect_equal "$(sql -c "SELECT count(*) FROM submission")" 3 "sample submissions"
expect_equal "$(sql -c "SELECT count(*) FROM user_account")" 6 "accounts (3 demo, 3 sample students)"
expect_equal "$(sql -c "SELECT count(*) FROM attempt")" 8 "the demo candidate's drill answers"
stop_all_nodes
echo
echo "two-nodes: OK (total $(( $(now_ms) - t0 )) ms)"
