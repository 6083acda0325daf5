#!/usr/bin/env bash
# Rewrites schema/schema.graphql from the running schema and schema/persisted-operations.json from
# schema/operations/*.graphql (then review the diff and commit it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
WORKOUTTRACKER_REFRESH_SCHEMA=1 dotnet test tests/WorkoutTracker.Server.Tests \
  --filter "FullyQualifiedName~SchemaContractTests.Running_schema_matches_schema_graphql|FullyQualifiedName~PersistedOperationsTests.Manifest_is_generated" --nologo -v q
git --no-pager diff --stat -- schema/ || true
