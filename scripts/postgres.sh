#!/usr/bin/env bash
# Project-local PostgreSQL for development and tests.
#
#   scripts/postgres.sh start              start the cluster (installing Debian's postgresql if needed)
#   scripts/postgres.sh stop               stop it
#   scripts/postgres.sh status             say whether it runs
#   scripts/postgres.sh url                print a postgresql:// URL (starts the cluster if needed)
#   scripts/postgres.sh connection-string  print an Npgsql connection string (starts it if needed)
#
# With ConnectionStrings__Workouts already set, `url`/`connection-string` print what is configured
# and nothing is started. The cluster lives in .data/pg (ignored by git), listens on 127.0.0.1 on
# a free port remembered in .data/pg/port, and trusts local connections: it is for this machine only.
# `start` also creates the database it prints (WORKOUTTRACKER_DB_NAME, default workouttracker), so
# whoever connects first finds it. Safe to run twice, also at once; a stale postmaster.pid left by a
# killed server is cleaned up. Works from any folder as root: when the checkout is not reachable by the
# `postgres` user, the cluster lives under /var/tmp and every binary is handed its resolved path.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="$root/.data/pg"
database="${WORKOUTTRACKER_DB_NAME:-workouttracker}"
pg_user="postgres"

log() { printf '[postgres] %s\n' "$*" >&2; }

find_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir="$(pg_config --bindir 2>/dev/null || true)"
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

install_postgres() {
  log "PostgreSQL server binaries not found; installing Debian's postgresql package"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # Keep the package from starting its own cluster on 5432: we run our own.
  if [ ! -e /usr/sbin/policy-rc.d ] && [ -z "$sudo" ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' RETURN
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

bindir() {
  local dir
  if ! dir="$(find_bindir)"; then
    install_postgres
    dir="$(find_bindir)" || { log "initdb still not found after installing postgresql"; exit 1; }
  fi
  echo "$dir"
}

# Runs a PostgreSQL server binary as the unprivileged owner of the data folder when we are root
# (initdb and postgres refuse to run as root).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u "$pg_user" -- "$@")
  else
    "$@"
  fi
}

# The cluster's folder with every symlink resolved: the only form handed to PostgreSQL's binaries,
# because the path through the checkout may cross folders the postgres user cannot enter.
cluster_dir() {
  readlink -f "$state"
}

# The data folder must be reachable by the postgres user. When the checkout sits somewhere that
# user cannot traverse (e.g. under /root), keep the cluster in /var/tmp and link it from .data/pg.
prepare_state_dir() {
  mkdir -p "$root/.data"
  if [ "$(id -u)" -eq 0 ]; then
    id -u "$pg_user" >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash "$pg_user"
    if [ ! -e "$state" ]; then
      mkdir -p "$state"
      if ! runuser -u "$pg_user" -- test -x "$state"; then
        rmdir "$state"
        local outside
        outside="/var/tmp/workouttracker-pg-$(printf '%s' "$root" | sha256sum | cut -c1-12)"
        mkdir -p "$outside"
        ln -s "$outside" "$state"
        log "checkout is not reachable by '$pg_user'; cluster kept in $outside"
      fi
    fi
    chown "$pg_user" "$state/"
  else
    mkdir -p "$state"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

choose_port() {
  local port
  if [ -f "$state/port" ]; then
    port="$(cat "$state/port")"
    if ! port_in_use "$port"; then echo "$port"; return; fi
  fi
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 20000))
    if ! port_in_use "$port"; then echo "$port" > "$state/port"; echo "$port"; return; fi
  done
  log "no free port found"; exit 1
}

is_running() {
  local bin="$1"
  [ -f "$state/data/PG_VERSION" ] || return 1
  as_owner "$bin/pg_ctl" -D "$(cluster_dir)/data" status >/dev/null 2>&1
}

remove_stale_pid() {
  local pidfile="$state/data/postmaster.pid" pid
  [ -f "$pidfile" ] || return 0
  pid="$(head -n 1 "$pidfile")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -qa postgres "/proc/$pid/cmdline" 2>/dev/null; then
    return 0
  fi
  log "removing stale postmaster.pid (pid $pid is not a running postgres)"
  rm -f "$pidfile"
}

start() {
  local bin port dir
  bin="$(bindir)"
  # Serialize concurrent starts, from choosing the cluster's folder on. The lock's descriptor is closed
  # for the server itself (9>&- below), or the running postgres would hold the lock forever.
  mkdir -p "$root/.data"
  exec 9>"$root/.data/pg.lock"
  flock 9
  prepare_state_dir
  dir="$(cluster_dir)"
  if is_running "$bin"; then
    log "already running on port $(cat "$dir/port")"
    ensure_database "$bin" "$(cat "$dir/port")"
    return 0
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "initializing a new cluster in $dir/data"
    rm -rf "$dir/data"
    mkdir -p "$dir/data"
    [ "$(id -u)" -eq 0 ] && chown "$pg_user" "$dir/data"
    as_owner "$bin/initdb" -D "$dir/data" -U "$pg_user" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  remove_stale_pid
  port="$(choose_port)"
  mkdir -p "$dir/run"
  [ "$(id -u)" -eq 0 ] && chown "$pg_user" "$dir/run" "$dir/port"
  log "starting on 127.0.0.1:$port"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-p $port -k $dir/run -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=128MB -c fsync=on" \
    start >/dev/null 9>&- || { log "failed to start; last lines of $dir/postgres.log:"; tail -n 20 "$dir/postgres.log" >&2; exit 1; }
  ensure_database "$bin" "$port"
  log "ready"
}

# Creates the application database when it is missing. Another process (the server, the BFF, a second
# run of this script) may create it at the same moment: losing that race is fine, so a failed CREATE
# is checked by asking again whether the database exists.
ensure_database() {
  local bin="$1" port="$2"
  local psql=("$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U "$pg_user" -d postgres -v ON_ERROR_STOP=1 -tA)
  database_exists() { [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" = 1 ]; }
  database_exists && return 0
  log "creating database $database"
  "${psql[@]}" -c "CREATE DATABASE \"$database\"" >/dev/null 2>&1 || database_exists \
    || { log "could not create database $database"; "${psql[@]}" -c "CREATE DATABASE \"$database\"" >&2; exit 1; }
}

stop() {
  local bin
  bin="$(find_bindir)" || return 0
  [ -d "$state/data" ] || return 0
  if is_running "$bin"; then
    log "stopping"
    as_owner "$bin/pg_ctl" -D "$(cluster_dir)/data" -m fast -w stop >/dev/null
  fi
}

ensure_started() {
  local bin
  bin="$(bindir)"
  if is_running "$bin"; then ensure_database "$bin" "$(cat "$state/port")"; else start; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if bin="$(find_bindir)" && is_running "$bin"; then echo "running on port $(cat "$state/port")"; else echo "stopped"; exit 3; fi ;;
  url)
    if [ -n "${ConnectionStrings__Workouts:-}" ]; then echo "$ConnectionStrings__Workouts"; exit 0; fi
    ensure_started
    echo "postgresql://$pg_user@127.0.0.1:$(cat "$state/port")/$database" ;;
  connection-string)
    if [ -n "${ConnectionStrings__Workouts:-}" ]; then echo "$ConnectionStrings__Workouts"; exit 0; fi
    ensure_started
    echo "Host=127.0.0.1;Port=$(cat "$state/port");Username=$pg_user;Database=$database" ;;
  *)
    echo "usage: $0 start|stop|status|url|connection-string" >&2; exit 2 ;;
esac
