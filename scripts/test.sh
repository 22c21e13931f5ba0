#!/usr/bin/env bash
# `make test`: install what is missing, build the solution with warnings as errors, run the .NET test assemblies
# and the web tests, then print one closing line "N passed, N failed[, N skipped]".
# Exits non-zero when anything fails. The closing line is left out when the counts cannot be trusted (a runner
# crashed, its report is missing, or something failed that no count shows), never printed wrong.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

artifacts="$repo/.artifacts/test"
rm -rf "$artifacts"
mkdir -p "$artifacts"

scripts/install-deps.sh || exit 1

echo "== dotnet build (Release, warnings as errors)"
if ! dotnet build ItqanRecording.sln -c Release -warnaserror -nologo; then
  echo "build failed" >&2
  exit 1
fi

status=0
ran_web_tests=false
ran_e2e=false

echo "== dotnet test"
dotnet test ItqanRecording.sln -c Release --no-build --nologo \
  --logger "console;verbosity=minimal" --logger trx --results-directory "$artifacts/trx" 2>&1 | tee "$artifacts/dotnet-test.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

if [ -f web/package.json ]; then
  echo "== web unit tests (vitest)"
  ran_web_tests=true
  npm --prefix web run test -- --reporter=default --reporter=json --outputFile.json="$artifacts/vitest.json" || status=1

  if node -e 'process.exit(require("./web/package.json").scripts?.e2e ? 0 : 1)'; then
    echo "== web end-to-end tests"
    ran_e2e=true
    npm --prefix web run e2e 2>&1 | tee "$artifacts/e2e.log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  fi
fi

# --- closing line ---------------------------------------------------------------------------------------------
# Each counter prints "passed failed skipped", or nothing when it cannot tell.

strip_colors() { sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1"; }

# Per-assembly lines of the console logger: "Passed!  - Failed:     0, Passed:    10, Skipped:     0, Total: ..."
dotnet_console_counts() {
  strip_colors "$artifacts/dotnet-test.log" \
    | sed -n 's/^\(Passed\|Failed\)! *- *Failed: *\([0-9]*\), *Passed: *\([0-9]*\), *Skipped: *\([0-9]*\),.*/\3 \2 \4/p' \
    | awk 'BEGIN { p = 0; f = 0; s = 0 } { p += $1; f += $2; s += $3; n++ } END { print n + 0, p, f, s }'
}

# <Counters total= executed= passed= failed= error= timeout= aborted= .../> of every TRX file.
dotnet_trx_counts() {
  local file counters files=0 passed=0 failed=0 skipped=0
  attr() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  for file in "$artifacts"/trx/*.trx; do
    [ -f "$file" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1)
    [ -n "$counters" ] || return 0
    local total executed p f e t a
    total=$(attr total) executed=$(attr executed) p=$(attr passed) f=$(attr failed) e=$(attr error) t=$(attr timeout) a=$(attr aborted)
    for value in "$total" "$executed" "$p" "$f" "$e" "$t" "$a"; do [ -n "$value" ] || return 0; done
    files=$((files + 1))
    passed=$((passed + p))
    failed=$((failed + f + e + t + a))
    skipped=$((skipped + total - executed))
  done
  echo "$files $passed $failed $skipped"
}

dotnet_counts() {
  local console trx
  console=$(dotnet_console_counts)
  trx=$(dotnet_trx_counts)
  # Both reports must exist for every assembly and agree; otherwise a test host crashed or a report is missing.
  [ -n "$trx" ] && [ "$console" = "$trx" ] && [ "${trx%% *}" -gt 0 ] || return 0
  echo "${trx#* }"
}

vitest_counts() {
  [ -f "$artifacts/vitest.json" ] || return 0
  node -e '
    const r = require(process.argv[1]);
    const n = (x) => (Number.isInteger(x) ? x : NaN);
    const out = [n(r.numPassedTests), n(r.numFailedTests), n(r.numPendingTests) + n(r.numTodoTests)];
    if (out.every(Number.isInteger)) console.log(out.join(" "));
  ' "$artifacts/vitest.json" 2>/dev/null || true
}

# Playwright's list/line reporters close with "  N passed", "  N failed", "  N flaky", "  N skipped".
e2e_counts() {
  local log passed failed flaky skipped
  log=$(strip_colors "$artifacts/e2e.log")
  passed=$(printf '%s\n' "$log" | sed -n 's/^ *\([0-9][0-9]*\) passed.*/\1/p' | tail -n 1)
  failed=$(printf '%s\n' "$log" | sed -n 's/^ *\([0-9][0-9]*\) failed.*/\1/p' | tail -n 1)
  flaky=$(printf '%s\n' "$log" | sed -n 's/^ *\([0-9][0-9]*\) flaky.*/\1/p' | tail -n 1)
  skipped=$(printf '%s\n' "$log" | sed -n 's/^ *\([0-9][0-9]*\) skipped.*/\1/p' | tail -n 1)
  [ -n "$passed$failed" ] || return 0
  echo "$((${passed:-0} + ${flaky:-0})) ${failed:-0} ${skipped:-0}"
}

closing_line() {
  local parts=() part passed=0 failed=0 skipped=0 p f s
  part=$(dotnet_counts); [ -n "$part" ] || return 0; parts+=("$part")
  if $ran_web_tests; then part=$(vitest_counts); [ -n "$part" ] || return 0; parts+=("$part"); fi
  if $ran_e2e; then part=$(e2e_counts); [ -n "$part" ] || return 0; parts+=("$part"); fi
  for part in "${parts[@]}"; do
    read -r p f s <<<"$part"
    passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  done
  # A failure that no count shows (a crash, a non-zero exit without failed tests) makes the counts untrustworthy.
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then return 0; fi
  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
}

echo
closing_line
exit "$status"
