#!/usr/bin/env bash
# test.sh: the whole suite on a fresh private stack — C unit tests under valgrind, HTTP tests, browser journeys.
# Ends with one line "N passed, N failed" and exits non-zero when anything failed. Called by `make test`.
# ONLY=<regex> runs only the unit programs and test files whose names match (while working: ONLY='cart|test_orders').
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export MALL_BUILD=${MALL_BUILD:-$ROOT/build}
export MALL_DB_FLUSH=2 # tests only: commits need not survive a power cut
export MALL_LIST_REFRESH=${MALL_LIST_REFRESH:-0} # tests only: list order follows stock and sales at once (tests set them by SQL)

# shellcheck source=stack.sh
source "$ROOT/scripts/stack.sh" # turns on -e; the stack start below relies on it
VAR=$(mktemp -d /tmp/mall-test.XXXXXX)
LOGS=$VAR/test-logs
KEEP_LOGS=${TEST_LOGS:-$ROOT/var/test-logs}
DONE=0
cleanup() {
  set +e
  stack_stop "$VAR" >/dev/null 2>&1
  # Logs and screenshots outlive the temp dir, for reading after a failure.
  rm -rf "$KEEP_LOGS" && mkdir -p "$KEEP_LOGS" && cp -r "$VAR/log" "$LOGS/." "$KEEP_LOGS/" 2>/dev/null
  rm -rf "$VAR"
  if [ "$DONE" = 0 ]; then
    echo "!!! test.sh stopped early (see output above; logs in $KEEP_LOGS)"
    echo "$PASSED passed, $((FAILED + 1)) failed"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PASSED=0
FAILED=0
SUMMARY=()
FAILED_NAMES=()
note() { printf '\n==== %s ====\n' "$*"; }
count() { # suite passed failed
  PASSED=$((PASSED + $2))
  FAILED=$((FAILED + $3))
  SUMMARY+=("$(printf '%-8s %4d passed, %d failed' "$1" "$2" "$3")")
}

note "building unit tests"
make --no-print-directory -C "$ROOT" BUILD="$MALL_BUILD" all unit

note "layering (domain code never reaches the request core)"
if scripts/check-layers.sh; then count layers 1 0; else count layers 0 1; fi

note "starting a private stack in $VAR"
PORT=$(free_port)
stack_start "$VAR" "$PORT"
set +e
mkdir -p "$LOGS"
export MALL_URL="http://127.0.0.1:$PORT"
echo "stack up at $MALL_URL"

# ---- C unit tests (cmocka) under valgrind ----
note "unit tests (cmocka, valgrind)"
unit_pass=0 unit_fail=0
VALGRIND=(valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1)
if ! command -v valgrind >/dev/null; then
  echo "!!!!!!!! valgrind is missing: unit tests run WITHOUT leak checks (scripts/install-deps.sh installs it) !!!!!!!!"
  VALGRIND=()
fi
for t in "$MALL_BUILD"/tests/test_*; do
  [ -x "$t" ] || continue
  name=$(basename "$t")
  [ -n "${ONLY:-}" ] && ! [[ $name =~ $ONLY ]] && continue
  out=$LOGS/$name.log
  timeout 900 "${VALGRIND[@]}" "$t" > "$out" 2>&1
  rc=$?
  p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\.$/\1/p' "$out" | tail -1)
  f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed below:$/\1/p' "$out" | tail -1)
  p=${p:-0} f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    # Every test passed but the program failed: a leak, a memory error, a crash or a timeout.
    f=1
    echo "!!! $name exited with $rc although its tests passed (valgrind error, crash or timeout)"
  fi
  echo "$name: $p passed, $f failed"
  [ "$rc" -ne 0 ] && FAILED_NAMES+=("unit: $name")
  [ "$rc" -ne 0 ] && { echo "---- $name (full log: $KEEP_LOGS/$name.log)"; grep -v '^\[ \(RUN  \|     OK\) ' "$out" | tail -80; }
  unit_pass=$((unit_pass + p)) unit_fail=$((unit_fail + f))
done
count unit "$unit_pass" "$unit_fail"

# ---- node:test suites: spec output for people, TAP file for counting ----
run_node() { # suite dir timeout_ms [node options]
  local suite=$1 dir=$2 tmo=$3 tap=$LOGS/$1.tap files=() opts=("${@:4}")
  for f in "$dir"/*.test.mjs; do
    [ -e "$f" ] || continue
    [ -n "${ONLY:-}" ] && ! [[ $(basename "$f") =~ $ONLY ]] && continue
    files+=("$f")
  done
  if [ ${#files[@]} -eq 0 ]; then
    echo "no tests in $dir"
    count "$suite" 0 0
    return
  fi
  node --test "${opts[@]}" --test-timeout="$tmo" --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" "${files[@]}"
  local rc=$? p f c
  p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -1)
  f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -1)
  c=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$tap" | tail -1)
  p=${p:-0} f=$(( ${f:-0} + ${c:-0} ))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
    echo "!!! node --test $dir exited with $rc without reporting a failed test"
  fi
  count "$suite" "$p" "$f"
  # Named again in the summary, which is all a CI log's tail may keep.
  while IFS= read -r line; do FAILED_NAMES+=("$suite: $line"); done < <(grep -E '^ *not ok ' "$tap" | sed 's/^ *not ok [0-9]* - //')
}

note "HTTP tests (tests/http)"
run_node http tests/http 120000

note "browser tests (tests/browser)"
if [ ! -x /usr/bin/chromium ]; then
  echo "!!!!!!!! SKIPPING BROWSER TESTS: /usr/bin/chromium is missing (scripts/install-deps.sh installs it) !!!!!!!!"
  SUMMARY+=("browser  SKIPPED: no /usr/bin/chromium")
else
  if [ ! -d "$ROOT/node_modules/playwright-core" ]; then
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) || echo "!!! npm ci failed"
  fi
  export MALL_SCREENSHOTS=$LOGS/screenshots
  mkdir -p "$MALL_SCREENSHOTS"
  run_node browser tests/browser 180000
fi

# Last and one file at a time: these break the shared stack on purpose (e.g. kill the database) and mend it.
note "serial tests (tests/http/serial: alone, after everything else)"
run_node serial tests/http/serial 180000 --test-concurrency=1

note "summary"
printf '%s\n' "${SUMMARY[@]}"
[ ${#FAILED_NAMES[@]} -gt 0 ] && printf 'failed: %s\n' "${FAILED_NAMES[@]}"
[ "$FAILED" -ne 0 ] && echo "logs and screenshots: $KEEP_LOGS"
DONE=1
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
