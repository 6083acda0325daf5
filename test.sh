#!/usr/bin/env bash
# Runs every test of WorkoutTracker against real PostgreSQL. Starts the project-local cluster
# (installing Debian's postgresql if needed) and stops it again if it was not already running.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
step() { printf '\n==> %s\n' "$*"; }
started_at=$SECONDS

started_postgres=0
cleanup() {
  if [ "$started_postgres" = 1 ]; then scripts/postgres.sh stop || true; fi
}
trap cleanup EXIT

if [ -z "${WORKOUTTRACKER_TEST_POSTGRES:-}" ]; then
  step "PostgreSQL (project-local, .data/pg)"
  scripts/postgres.sh status >/dev/null 2>&1 || started_postgres=1
  scripts/postgres.sh start
  WORKOUTTRACKER_TEST_POSTGRES="$(env -u ConnectionStrings__Workouts scripts/postgres.sh connection-string)"
  export WORKOUTTRACKER_TEST_POSTGRES
fi

step "Headless Chromium for browser tests (Debian's package)"
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
chromium --version

step "Installing JavaScript dependencies (npm ci: mobile client, playground, Node test harness)"
npm ci --prefix clients/mobile --no-audit --no-fund --loglevel=error
npm ci --prefix clients/playground --no-audit --no-fund --loglevel=error
npm ci --prefix tests/node-harness --no-audit --no-fund --loglevel=error

step "Building the playground (GraphiQL, served by the BFF)"
npm run --prefix clients/playground build --silent

step "Mobile client tests (codegen check + type check + Jest)"
(cd clients/mobile && npm test --silent)

step "Building the mobile web app (served by the BFF; the end-to-end test drives it in Chromium)"
npm run --prefix clients/mobile export:web --silent

step "Restoring and building (.NET)"
dotnet restore WorkoutTracker.sln --nologo -v q
dotnet build WorkoutTracker.sln --no-restore -c Debug --nologo -v q -clp:NoSummary

# The browser tests (Chromium, with a server and BFF each, and the newcomer's run.sh) run after the
# others, one at a time: on two cores, sharing the machine with the parallel .NET test assemblies
# made a browser gesture miss its moment.
rm -rf artifacts/test-results
failed=0
run_tests() {
  dotnet test "$@" --no-build -c Debug --nologo \
    --logger "console;verbosity=normal" --logger trx --results-directory artifacts/test-results || failed=1
}

step "Running .NET tests (all but the browser tests)"
run_tests WorkoutTracker.sln --filter "Category!=Browser"

step "Running the browser tests (playground, mobile web app, a newcomer's ./run.sh), one at a time"
run_tests tests/WorkoutTracker.Bff.Tests --filter "Category=Browser"
run_tests tests/WorkoutTracker.EndToEnd.Tests

if [ "$failed" = 1 ]; then
  scripts/test-failures.sh artifacts/test-results
  exit 1
fi

step "All tests passed in $((SECONDS - started_at))s"
