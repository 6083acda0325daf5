#!/usr/bin/env bash
# Prints every failed test, with its message and the top of its stack trace, from the TRX files
# `dotnet test --logger trx` wrote. test.sh calls it when the .NET tests fail, so the failures are the
# last thing in the output (parallel test assemblies interleave their console output).
set -euo pipefail
dir="${1:-artifacts/test-results}"
shopt -s nullglob
files=("$dir"/*.trx)
if [ ${#files[@]} -eq 0 ]; then
  echo "No TRX files in $dir" >&2
  exit 0
fi
printf '\n==> Failed tests\n'
awk '
  function unescape(s) {
    gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s); gsub(/&amp;/, "\\&", s)
    return s
  }
  /<UnitTestResult / && /outcome="Failed"/ {
    failed = 1; stack = 0; shown = 0
    name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name)
    printf "\n--- %s (%s)\n", unescape(name), FILENAME
  }
  failed && /<\/UnitTestResult>/ { failed = 0; next }
  failed && /<StackTrace>/ { stack = 1 }
  failed && /<Message>|<StackTrace>/ { inside = 1 }
  failed && inside {
    line = $0; gsub(/<\/?(Message|StackTrace|ErrorInfo|Output)>/, "", line)
    if (stack && ++shown > 12) { if (shown == 13) print "   ..."; } else if (line != "") print unescape(line)
  }
  failed && /<\/Message>|<\/StackTrace>/ { inside = 0 }
' "${files[@]}"
