#!/usr/bin/env bash
# Runs the coach's evaluation set (bench/coach-eval/coach-eval.json) against a configured OpenAI-compatible
# model, the scripted fake model (--fake) or the offline coach (no model option), and prints a score table
# per property. Not part of ./test.sh (the offline coach's run of the same set is: CoachEvaluationTests).
# Usage: bench/coach-eval/run.sh [--endpoint URL --model ID [--api-key KEY] [--provider OpenAI|AzureOpenAI]] [--fake] [--answers]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
scripts/postgres.sh start >/dev/null
dotnet build bench/WorkoutTracker.CoachEval -c Release --nologo -v q "-clp:ErrorsOnly;NoSummary"
dotnet bench/WorkoutTracker.CoachEval/bin/Release/net10.0/WorkoutTracker.CoachEval.dll "$@"
