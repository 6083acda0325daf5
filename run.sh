#!/usr/bin/env bash
# Runs the whole WorkoutTracker system on its embedded default: a project-local PostgreSQL
# (started, migrated and seeded with a demo athlete and coach), the GraphQL server and the BFF.
# Ctrl+C stops everything it started.
#
#   SERVER_PORT (default 5080)  BFF_PORT (default 5090)  ConnectionStrings__Workouts (optional: use your own PostgreSQL)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

server_port="${SERVER_PORT:-5080}"
bff_port="${BFF_PORT:-5090}"
step() { printf '\n==> %s\n' "$*"; }

pids=()
started_postgres=0
cleaned=0
cleanup() {
  [ "$cleaned" = 1 ] && return
  cleaned=1
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$started_postgres" = 1 ]; then scripts/postgres.sh stop; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${ConnectionStrings__Workouts:-}" ]; then
  step "PostgreSQL (project-local, .data/pg)"
  scripts/postgres.sh status >/dev/null 2>&1 || started_postgres=1
  scripts/postgres.sh start
  export ConnectionStrings__Workouts="$(scripts/postgres.sh connection-string)"
fi

if [ ! -f clients/playground/dist/index.html ]; then
  step "Building the playground (npm ci && vite build in clients/playground)"
  npm ci --prefix clients/playground --no-audit --no-fund --loglevel=error
  npm run --prefix clients/playground build --silent
fi

if [ ! -f clients/mobile/dist/index.html ]; then
  step "Building the mobile web app (npm ci && expo export in clients/mobile)"
  npm ci --prefix clients/mobile --no-audit --no-fund --loglevel=error
  npm run --prefix clients/mobile export:web --silent
fi

step "Building (dotnet build)"
dotnet build WorkoutTracker.sln -c Debug --nologo -v q -clp:NoSummary

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
mkdir -p .data/logs

step "Starting the server on http://127.0.0.1:$server_port (migrates and seeds the database)"
dotnet server/WorkoutTracker.Server/bin/Debug/net10.0/WorkoutTracker.Server.dll \
  --contentRoot "$root/server/WorkoutTracker.Server" --urls "http://127.0.0.1:$server_port" \
  > >(tee .data/logs/server.log) 2>&1 &
pids+=($!)

step "Starting the BFF on http://127.0.0.1:$bff_port"
Server__BaseAddress="http://127.0.0.1:$server_port" \
  dotnet bff/WorkoutTracker.Bff/bin/Debug/net10.0/WorkoutTracker.Bff.dll \
  --contentRoot "$root/bff/WorkoutTracker.Bff" --urls "http://127.0.0.1:$bff_port" \
  > >(tee .data/logs/bff.log) 2>&1 &
pids+=($!)

wait_ready() {
  local url="$1" name="$2"
  for _ in $(seq 1 120); do
    if curl -fsS "$url" >/dev/null 2>&1; then return 0; fi
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "$name exited; see .data/logs" >&2; exit 1; }; done
    sleep 0.5
  done
  echo "$name did not become ready at $url" >&2; exit 1
}
wait_ready "http://127.0.0.1:$server_port/health/ready" server
wait_ready "http://127.0.0.1:$bff_port/health/ready" BFF

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
wait -n "${pids[@]}"
