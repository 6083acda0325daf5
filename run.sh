#!/usr/bin/env bash
# Runs the whole WorkoutTracker system on its embedded default: a project-local PostgreSQL
# (started, migrated and seeded with a demo athlete and coach), the GraphQL server and the BFF.
# Ctrl+C or SIGTERM (also when started in the background) stops everything it started.
#
#   SERVER_PORT (default 5080)  BFF_PORT (default 5090)  ConnectionStrings__Workouts (optional: use your own PostgreSQL)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

server_port="${SERVER_PORT:-5080}"
bff_port="${BFF_PORT:-5090}"
step() { printf '\n==> %s\n' "$*"; }

# The processes started so far, by pid, with the name run.sh reports them by.
declare -A names=()
step_pid=""
started_postgres=0
cleaned=0
cleanup() {
  local status=$?
  [ "$cleaned" = 1 ] && return
  cleaned=1
  trap - EXIT INT TERM HUP
  [ -z "$step_pid" ] || kill "$step_pid" 2>/dev/null || true
  if [ "${#names[@]}" -gt 0 ]; then
    for pid in "${!names[@]}"; do echo "Stopping ${names[$pid]}" >&2; done
    kill "${!names[@]}" 2>/dev/null || true
    # ASP.NET Core stops within its shutdown timeout; anything still there after 20 s is killed.
    for _ in $(seq 1 40); do
      alive=0
      for pid in "${!names[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
      [ "$alive" = 0 ] && break
      sleep 0.5
    done
    kill -KILL "${!names[@]}" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  if [ "$started_postgres" = 1 ]; then scripts/postgres.sh stop || true; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Runs one set-up step in the background and waits for it, so Ctrl+C or SIGTERM stops it at once
# (bash runs a trap only after a foreground command ends, but interrupts a wait).
run_step() {
  "$@" &
  step_pid=$!
  wait "$step_pid"
  step_pid=""
}

if [ -z "${ConnectionStrings__Workouts:-}" ]; then
  step "PostgreSQL (project-local, .data/pg)"
  scripts/postgres.sh status >/dev/null 2>&1 || started_postgres=1
  run_step scripts/postgres.sh start
  ConnectionStrings__Workouts="$(scripts/postgres.sh connection-string)"
  export ConnectionStrings__Workouts
fi

if [ ! -f clients/playground/dist/index.html ]; then
  step "Building the playground (npm ci && vite build in clients/playground)"
  run_step npm ci --prefix clients/playground --no-audit --no-fund --loglevel=error
  run_step npm run --prefix clients/playground build --silent
fi

if [ ! -f clients/mobile/dist/index.html ]; then
  step "Building the mobile web app (npm ci && expo export in clients/mobile)"
  run_step npm ci --prefix clients/mobile --no-audit --no-fund --loglevel=error
  run_step npm run --prefix clients/mobile export:web --silent
fi

# Only what runs (not the tests), and without build servers, which would outlive this script.
step "Building the server and the BFF (dotnet build)"
for project in server/WorkoutTracker.Server bff/WorkoutTracker.Bff; do
  run_step dotnet build "$project" -c Debug --nologo -v q -clp:NoSummary --disable-build-servers
done

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
mkdir -p .data/logs

# Server and BFF start together: whichever reaches PostgreSQL first creates the database if it is
# missing, and both wait (logging each attempt) until it is there.
# The server believes X-Forwarded-For from the BFF on loopback, so its sign-in and request limits
# key on each browser's address rather than on the BFF's (README, Security).
step "Starting the server on http://127.0.0.1:$server_port (migrates and seeds the database)"
ForwardedHeaders__KnownProxies__0=127.0.0.1 \
  dotnet server/WorkoutTracker.Server/bin/Debug/net10.0/WorkoutTracker.Server.dll \
  --contentRoot "$root/server/WorkoutTracker.Server" --urls "http://127.0.0.1:$server_port" \
  > >(tee .data/logs/server.log) 2>&1 &
names[$!]="the server"

step "Starting the BFF on http://127.0.0.1:$bff_port"
Server__BaseAddress="http://127.0.0.1:$server_port" \
  dotnet bff/WorkoutTracker.Bff/bin/Debug/net10.0/WorkoutTracker.Bff.dll \
  --contentRoot "$root/bff/WorkoutTracker.Bff" --urls "http://127.0.0.1:$bff_port" \
  > >(tee .data/logs/bff.log) 2>&1 &
names[$!]="the BFF"

# Names the process that ended (pid, and its status when already collected) and stops the rest.
exited() {
  local pid="$1" status="${2:-}" name log
  [ -n "$status" ] || { status=0; wait "$pid" 2>/dev/null || status=$?; }
  name="${names[$pid]}"
  log=".data/logs/$([ "$name" = "the BFF" ] && echo bff || echo server).log"
  unset "names[$pid]"
  echo "$name exited (status $status); see $log. Stopping the rest." >&2
  exit 1
}

wait_ready() {
  local url="$1" name="$2"
  for _ in $(seq 1 240); do
    if curl -fsS "$url" >/dev/null 2>&1; then return 0; fi
    for pid in "${!names[@]}"; do kill -0 "$pid" 2>/dev/null || exited "$pid"; done
    sleep 0.5
  done
  echo "$name did not become ready at $url within 120 s" >&2; exit 1
}
wait_ready "http://127.0.0.1:$server_port/health/ready" "the server"
wait_ready "http://127.0.0.1:$bff_port/health/ready" "the BFF"

cat <<INFO

WorkoutTracker is running.
  GraphQL server   http://127.0.0.1:$server_port/graphql
  BFF              http://127.0.0.1:$bff_port/bff/user   (sign-in at /bff/login, proxied /graphql)
  Mobile app       http://127.0.0.1:$bff_port/   (the React Native app's web build; sign in as a demo user)
  Playground       http://127.0.0.1:$bff_port/playground   (GraphiQL for coaches)
  Health           http://127.0.0.1:$server_port/health/ready

Demo users: athlete@demo.workouttracker.dev / athlete-demo, coach@demo.workouttracker.dev / coach-demo
Get a token and ask who you are:
  TOKEN=\$(curl -s -X POST http://127.0.0.1:$server_port/dev/token -H 'content-type: application/json' \\
    -d '{"email":"athlete@demo.workouttracker.dev","password":"athlete-demo"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  curl -s http://127.0.0.1:$server_port/graphql -H "authorization: Bearer \$TOKEN" \\
    -H 'content-type: application/json' -d '{"query":"{ me { id displayName role } }"}'

Press Ctrl+C to stop.
INFO

# Until one of them ends (or a signal arrives): then name it and stop the other.
exited_pid="" status=0
wait -n -p exited_pid "${!names[@]}" || status=$?
exited "$exited_pid" "$status"
