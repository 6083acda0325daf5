#!/usr/bin/env bash
# Rewrites schema/schema.graphql from the running schema and schema/persisted-operations.json from
# schema/operations/*.graphql, and the mobile client's types generated from them (then review the diff
# and commit it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
WORKOUTTRACKER_REFRESH_SCHEMA=1 dotnet test tests/WorkoutTracker.Server.Tests \
  --filter "FullyQualifiedName~SchemaContractTests.Running_schema_matches_schema_graphql|FullyQualifiedName~PersistedOperationsTests.Manifest_is_generated" --nologo -v q
[ -d clients/mobile/node_modules ] || npm ci --prefix clients/mobile --no-audit --no-fund --loglevel=error
npm run --prefix clients/mobile codegen --silent
git --no-pager diff --stat -- schema/ clients/mobile/src/state/queries/generated.ts || true
