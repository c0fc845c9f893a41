# Shared by two-nodes.sh, kill-during-submit.sh, load-test.sh and session-heap.sh (sourced, not run):
# application nodes on one PostgreSQL database or on their own H2, HTTP calls with Basic credentials,
# and SQL checks through psql.
#
# Environment (defaults match scripts/pg-local.sh):
#   BYTEWISE_PG_HOST, BYTEWISE_PG_PORT, BYTEWISE_PG_USER, BYTEWISE_PG_PASSWORD, BYTEWISE_PG_DATABASE
#   BYTEWISE_JAR   the application jar (default: target/bytewise-*.jar, built if missing)
#   JAVA_HOME      a JDK or JRE >= 21 (default: java on the PATH)

PG_HOST="${BYTEWISE_PG_HOST:-127.0.0.1}"
PG_PORT="${BYTEWISE_PG_PORT:-5432}"
PG_USER="${BYTEWISE_PG_USER:-bytewise}"
PG_PASSWORD="${BYTEWISE_PG_PASSWORD:-bytewise-local}"
PG_DATABASE="${BYTEWISE_PG_DATABASE:-bytewise}"
JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DATABASE"
JDK_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}"   # prefix for java and the JDK's tools (jcmd); empty: from the PATH
JAVA="${JDK_BIN}java"
java_major=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ -z "$java_major" ] || [ "${java_major%%.*}" -lt 21 ]; then
  printf 'FAILED: %s is Java %s; the app needs 21 or newer (set JAVA_HOME)\n' "$JAVA" "${java_major:-?}" >&2
  exit 1
fi
WORK_DIR="${BYTEWISE_NODES_DIR:-target/nodes}"
mkdir -p "$WORK_DIR"

log() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

find_jar() {
  if [ -n "${BYTEWISE_JAR:-}" ]; then echo "$BYTEWISE_JAR"; return; fi
  local jar
  jar=$(ls target/bytewise-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
  if [ -z "$jar" ]; then
    log "No jar in target/: building it (./mvnw package -DskipTests)" >&2
    ./mvnw -q package -DskipTests >&2
    jar=$(ls target/bytewise-*.jar | grep -v -- '-plain' | head -1)
  fi
  echo "$jar"
}

# psql as the application's role; -tA: bare values, one row per line.
sql() { PGPASSWORD="$PG_PASSWORD" PGOPTIONS='-c client_min_messages=warning' psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DATABASE" -qtAX -v ON_ERROR_STOP=1 "$@"; }

# An empty database: every run migrates from scratch, as a first deployment does.
reset_database() {
  sql -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null
}

declare -A NODE_PIDS=()

# start_node NAME PORT: the jar on the postgres profile, configured through the environment as in production.
# The demo accounts are on (the checks sign in with them); the sample class and answers are off, so
# the counts the checks expect are the scripts' own, unless SAMPLE_DATA=true.
start_node() {
  local name=$1 port=$2
  SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="$JDBC_URL" SPRING_DATASOURCE_USERNAME="$PG_USER" \
    SPRING_DATASOURCE_PASSWORD="$PG_PASSWORD" BYTEWISE_DEMO_ENABLED=true BYTEWISE_DEMO_SAMPLE_DATA="${SAMPLE_DATA:-false}" \
    PORT="$port" \
    "$JAVA" -Xmx512m -XX:TieredStopAtLevel=1 -jar "$JAR" >>"$WORK_DIR/$name.log" 2>&1 &
  NODE_PIDS[$name]=$!
}

# start_local_node NAME PORT [JVM options…]: the jar on its own embedded H2 in $WORK_DIR/NAME-data,
# emptied first, with the sample data off: for measurements that need no PostgreSQL.
start_local_node() {
  local name=$1 port=$2 data
  shift 2
  # H2 takes a file path only when it is absolute.
  data="$WORK_DIR/$name-data"
  [[ $data == /* ]] || data="$PWD/$data"
  rm -rf "$data"
  PORT="$port" BYTEWISE_DATA_DIR="$data" BYTEWISE_DEMO_SAMPLE_DATA=false \
    "$JAVA" "$@" -jar "$JAR" >>"$WORK_DIR/$name.log" 2>&1 &
  NODE_PIDS[$name]=$!
}

# wait_healthy NAME PORT: until /actuator/health says UP (fails if the process dies or 180 s pass).
wait_healthy() {
  local name=$1 port=$2 deadline=$(( $(date +%s) + 180 ))
  until curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "${NODE_PIDS[$name]}" 2>/dev/null; then
      tail -40 "$WORK_DIR/$name.log" >&2; fail "node $name exited while starting"
    fi
    [ "$(date +%s)" -lt "$deadline" ] || { tail -40 "$WORK_DIR/$name.log" >&2; fail "node $name not healthy in 180 s"; }
    sleep 0.5
  done
}

# stop_node NAME [SIGNAL]: TERM for a graceful shutdown, KILL for a crash; waits until it is gone.
stop_node() {
  local name=$1 signal=${2:-TERM} pid=${NODE_PIDS[$1]:-}
  [ -n "$pid" ] || return 0
  kill "-$signal" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "NODE_PIDS[$name]"
}

stop_all_nodes() {
  local name
  for name in "${!NODE_PIDS[@]}"; do stop_node "$name"; done
}

# api METHOD PORT PATH USER:PASSWORD [JSON]: prints the body, then the status code on the last line.
api() {
  local method=$1 port=$2 path=$3 credentials=$4 body=${5:-}
  curl -sS -X "$method" -u "$credentials" -H 'Content-Type: application/json' ${body:+--data "$body"} \
    -w '\n%{http_code}' "http://127.0.0.1:$port$path"
}

# The first value of a JSON field in a flat-enough body (numbers, booleans, strings).
field() { grep -o "\"$1\":[^,}]*" | head -1 | cut -d: -f2- | tr -d '"'; }

status_of() { tail -1; }

expect_equal() {
  [ "$1" = "$2" ] || fail "$3: expected '$2', got '$1'"
  echo "  ok: $3 = $1"
}

# seed_assignment QUESTIONS ATTEMPTS CANDIDATES...: the demo instructor's class, with the given candidates
# in it, and an untimed choice quiz assigned to it, open from an hour ago for a day. Prints the assignment id.
# Instructors have no API for this yet; it is what the classroom page would write.
seed_assignment() {
  local questions=$1 attempts=$2; shift 2
  local names
  names=$(printf "'%s'," "$@"); names=${names%,}
  sql <<SQL
INSERT INTO classroom (name, join_code, instructor_id, created_at)
  SELECT 'Nodes class', 'NODE' || lpad((floor(random() * 10000))::int::text, 4, '0'), id, now()
  FROM user_account WHERE username = 'instructor';
INSERT INTO class_member (classroom_id, student_id, joined_at)
  SELECT (SELECT max(id) FROM classroom), id, now() FROM user_account WHERE username IN ($names);
INSERT INTO quiz (instructor_id, title, topics, difficulty, question_count, question_mode, time_limit_minutes,
                  attempts_allowed, seed_policy, seed, created_at)
  SELECT id, 'Nodes quiz', 'WEIGHT_MEMORY,KV_CACHE', NULL, $questions, 'CHOICE', NULL, $attempts, 'SHARED', 42, now()
  FROM user_account WHERE username = 'instructor';
INSERT INTO assignment (quiz_id, classroom_id, opens_at, due_at, created_at)
  VALUES ((SELECT max(id) FROM quiz), (SELECT max(id) FROM classroom), now() - interval '1 hour',
          now() + interval '1 day', now())
  RETURNING id;
SQL
}

# Every slot blank, confirmed as such (without confirmBlank the API asks first: 422 naming the blank slots).
blank_answers() { local n=$1 out="" i; for ((i = 0; i < n; i++)); do out+='"",'; done; echo "{\"answers\":[${out%,}],\"confirmBlank\":true}"; }
