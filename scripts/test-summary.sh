#!/usr/bin/env bash
# Sums every module's (and the example projects') Surefire reports into one closing line: "N passed, N failed, N skipped".
# Exits non-zero when a test failed (Maven has already failed the build in that case).
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
reports=(*/target/surefire-reports/TEST-*.xml examples/*/target/surefire-reports/TEST-*.xml)
if [ ${#reports[@]} -eq 0 ]; then
  echo "0 passed, 0 failed, 0 skipped"
  exit 1
fi
# The <testsuite ...> element carries tests, failures, errors and skipped counts.
grep -h -m1 -o '<testsuite [^>]*>' "${reports[@]}" | awk '
  function attr(s, name,   m) { if (match(s, name "=\"[0-9]+\"")) { m = substr(s, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 } return 0 }
  { t += attr($0, "tests"); f += attr($0, "failures"); e += attr($0, "errors"); s += attr($0, "skipped") }
  END { printf "%d passed, %d failed, %d skipped\n", t - f - e - s, f + e, s; exit (f + e > 0) }'
