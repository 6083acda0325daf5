#!/usr/bin/env bash
# Runs the benchmarks: builds Release, starts the local PostgreSQL and the server, prints figures and
# writes bench/results/<time>.json. Options: --quick (2 s per measurement), --only <names>.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/postgres.sh start
dotnet build bench/WorkoutTracker.Bench -c Release --nologo -v q -clp:NoSummary
dotnet bench/WorkoutTracker.Bench/bin/Release/net10.0/WorkoutTracker.Bench.dll "$@"
