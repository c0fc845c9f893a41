#!/usr/bin/env bash
# A throwaway PostgreSQL for tests and the multi-node scripts, on 127.0.0.1 only.
#
#   scripts/pg-local.sh start     start Debian's cluster (installing postgresql if missing), create the
#                                 role and databases, print the variables to export
#   scripts/pg-local.sh restart   restart the server (the data stays)
#   scripts/pg-local.sh stop      stop the server
#   scripts/pg-local.sh env       print the variables only
#
# Needs root (or sudo) for apt and pg_ctlcluster. Override BYTEWISE_PG_PORT, BYTEWISE_PG_USER and
# BYTEWISE_PG_PASSWORD to taste; the databases are bytewise_test (tests) and bytewise (scripts).
set -euo pipefail

PORT="${BYTEWISE_PG_PORT:-5432}"
ROLE="${BYTEWISE_PG_USER:-bytewise}"
PASSWORD="${BYTEWISE_PG_PASSWORD:-bytewise-local}"
DATABASES=(bytewise_test bytewise)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { as_root su postgres -c "$*"; }

cluster() {
  # The newest installed major version's "main" cluster, created if the package did not.
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
    as_root pg_createcluster "$version" main >/dev/null
  fi
  echo "$version"
}

start() {
  # Stdout carries only the variables (callers eval it); the tools' chatter, such as pg_ctlcluster's
  # "Removed stale pid file." after an unclean shutdown, goes to stderr.
  start_server >&2
  env_vars
}

start_server() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql ]; then
    echo "Installing postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    as_root apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version=$(cluster)
  # Loopback only: nothing outside this machine can reach the test server.
  as_root pg_conftool -s "$version" main set port "$PORT"
  printf "listen_addresses = '127.0.0.1'\n" | as_root tee "/etc/postgresql/$version/main/conf.d/bytewise.conf" >/dev/null
  local attempt
  for attempt in 1 2 3; do
    pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online && break
    clear_stale_socket_lock
    # A server killed a moment ago may still be exiting; try again rather than fail the run.
    as_root pg_ctlcluster "$version" main start && break
    [ "$attempt" -lt 3 ] || { echo "PostgreSQL did not start" >&2; return 1; }
    sleep 2
  done
  as_postgres "psql -p $PORT -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='$ROLE'\"" | grep -q 1 \
    || as_postgres "psql -p $PORT -qc \"CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'\""
  for db in "${DATABASES[@]}"; do
    as_postgres "psql -p $PORT -qtAc \"SELECT 1 FROM pg_database WHERE datname='$db'\"" | grep -q 1 \
      || as_postgres "createdb -p $PORT -O $ROLE $db"
  done
}

clear_stale_socket_lock() {
  # A server killed without shutdown (or a machine image taken while it ran) leaves its socket lock
  # behind; the next start then refuses with "lock file ... already exists". The lock's first line
  # is the owner's PID: remove it only when that PID is not a running postgres.
  local lock="/var/run/postgresql/.s.PGSQL.$PORT.lock" owner
  [ -f "$lock" ] || return 0
  owner=$(as_root head -1 "$lock")
  # A killed server can linger as a zombie until it is reaped: it still has a /proc entry named
  # postgres, but state Z, and holds nothing.
  if [ -n "$owner" ] && [ "$(cat "/proc/$owner/comm" 2>/dev/null)" = postgres ] \
      && [ "$(awk '{print $3}' "/proc/$owner/stat" 2>/dev/null)" != Z ]; then
    return 0
  fi
  echo "Removing stale socket lock $lock (PID $owner is not running)"
  as_root rm -f "$lock" "/var/run/postgresql/.s.PGSQL.$PORT"
}

env_vars() {
  cat <<EOF
export BYTEWISE_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$PORT/bytewise_test
export BYTEWISE_TEST_POSTGRES_USER=$ROLE
export BYTEWISE_TEST_POSTGRES_PASSWORD=$PASSWORD
EOF
}

case "${1:-start}" in
  start) start ;;
  restart) as_root pg_ctlcluster "$(cluster)" main restart ;;
  stop) as_root pg_ctlcluster "$(cluster)" main stop ;;
  env) env_vars ;;
  *) echo "usage: $0 start|restart|stop|env" >&2; exit 2 ;;
esac
