#!/usr/bin/env bash
# Runs the benchmarks: builds Release, starts the local PostgreSQL and the server, prints figures and
# writes bench/results/<time>.json. Options: --quick (2 s per measurement), --seconds N, --only <names>.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/postgres.sh start
# The PostGraphile 5 peer (needs Node >= 22: the `node` npm package brings its own, the machine's is untouched).
if [ ! -x bench/postgraphile/node_modules/.bin/node ] || [ bench/postgraphile/package-lock.json -nt bench/postgraphile/node_modules ]; then
  (cd bench/postgraphile && npm ci --no-audit --no-fund --loglevel=error)
fi
dotnet build bench/WorkoutTracker.Bench -c Release --nologo -v q -clp:NoSummary
dotnet bench/WorkoutTracker.Bench/bin/Release/net10.0/WorkoutTracker.Bench.dll "$@"
