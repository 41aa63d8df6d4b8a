#!/usr/bin/env bash
# bench.sh: `make bench` — wrk against a fresh private stack with demo data; prints req/s, p50, p99 and the
# ratio to the trivial FastCGI baseline measured in the same run. Exits 1 when a target is missed or errors occur.
#   targets: anonymous catalog pages >= 0.8 x baseline, signed-in home >= 0.5 x baseline
#   env: MALL_PROCS (FastCGI processes per program, default 4), BENCH_SECONDS (default 10), BENCH_CONNS (32)
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export MALL_BUILD=${MALL_BUILD:-$ROOT/build}
# MALL_PROCS=4 on 2 cores: a FastCGI process serves one request at a time and waits on MariaDB part of it.
# Measured (5-10 s runs, home / req/s): 2 procs 12.2k, 3 13.0k, 4 15.1k, 6 13.4-16.9k with a worse signed-in
# p99 — past 4 the gain is within noise while context switches and DB connections grow.
export MALL_PROCS=${MALL_PROCS:-4}
SECONDS_EACH=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNS:-32}

command -v wrk >/dev/null || { echo "bench.sh: wrk is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }

# shellcheck source=stack.sh
source "$ROOT/scripts/stack.sh"
VAR=$(mktemp -d /tmp/mall-bench.XXXXXX)
cleanup() { set +e; stack_stop "$VAR" >/dev/null 2>&1; rm -rf "$VAR"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=$(free_port)
echo "starting a private stack (MALL_PROCS=$MALL_PROCS) …"
stack_start "$VAR" "$PORT" >/dev/null
set +e
URL="http://127.0.0.1:$PORT"
sql() { mariadb --defaults-file="$VAR/my.cnf" -uroot -N -B mall -e "$1"; }

PRODUCT=$(sql "SELECT id FROM products WHERE on_shelf = 1 ORDER BY sales DESC, id LIMIT 1" 2>/dev/null)
[ -n "$PRODUCT" ] || { echo "bench.sh: no product on shelf (demo data missing?)" >&2; PRODUCT=1; }

# Sign in once through the real login form: GET for the CSRF token and anonymous cookie, then POST.
JAR=$VAR/cookies.txt
SID=
login_page=$(curl -s -c "$JAR" -b "$JAR" "$URL/login")
CSRF=$(grep -m1 -o 'name="csrf" value="[0-9a-f]*"' <<<"$login_page" | sed 's/.*value="//; s/"$//')
if [ -n "$CSRF" ]; then
  LOGIN=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$JAR" -b "$JAR" --data-urlencode "csrf=$CSRF" \
    --data-urlencode "mobile=13800138000" --data-urlencode "password=Demo@2026" "$URL/login")
  SID=$(awk '$6 == "member_sid" { print $7 }' "$JAR" | tail -1)
fi
home=$( [ -n "$SID" ] && curl -s -b "member_sid=$SID" "$URL/")
if [[ "$home" == *'138****8000'* ]]; then
  echo "signed in as the demo member"
else
  echo "!!! could not sign in as the demo member through /login (csrf: ${CSRF:-none}, POST: ${LOGIN:-not sent})"
  echo "!!! the signed-in row will fail"
  SID=
fi

# name|path|target ratio|cookie
ROWS=(
  "baseline (trivial.fcgi)|/__bench/hello|-|"
  "home /|/|0.8|"
  "products /products|/products|0.8|"
  "product /product/$PRODUCT|/product/$PRODUCT|0.8|"
  "search /search?q=洗车|/search?q=%E6%B4%97%E8%BD%A6|0.8|"
  "home / signed in|/|0.5|${SID:+member_sid=$SID}"
)

BASE_RPS=
FAILS=0
TABLE=()
for row in "${ROWS[@]}"; do
  IFS='|' read -r name path target cookie <<<"$row"
  hdr=()
  if [ "$target" = 0.5 ]; then
    [ -n "$cookie" ] || { TABLE+=("$(printf '%-32s %s' "$name" 'FAILED: not signed in')"); FAILS=$((FAILS + 1)); continue; }
    hdr=(-H "Cookie: $cookie")
  fi
  code=$(curl -s -o /dev/null -w '%{http_code}' "${hdr[@]}" "$URL$path")
  [ "$code" = 200 ] || echo "!!! $path answers $code"
  wrk -t2 -c8 -d2s "${hdr[@]}" "$URL$path" >/dev/null 2>&1 # warm caches and processes
  out=$(wrk -t2 -c"$CONNS" -d"${SECONDS_EACH}s" --latency -s "$ROOT/tests/bench/report.lua" "${hdr[@]}" "$URL$path" 2>&1)
  read -r _ rps p50 p99 total sockerr non2xx <<<"$(grep '^RESULT ' <<<"$out")"
  if [ -z "${rps:-}" ]; then
    TABLE+=("$(printf '%-32s %s' "$name" 'FAILED: wrk gave no result')")
    FAILS=$((FAILS + 1))
    continue
  fi
  [ -z "$BASE_RPS" ] && BASE_RPS=$rps
  ratio=$(awk -v a="$rps" -v b="$BASE_RPS" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  verdict=""
  if [ "$target" != - ]; then
    if awk -v r="$ratio" -v t="$target" 'BEGIN { exit !(r >= t) }'; then verdict="ok (>= $target)"
    else verdict="BELOW TARGET $target"; FAILS=$((FAILS + 1)); fi
  fi
  if [ "$non2xx" != 0 ] || [ "$sockerr" != 0 ] || [ "$code" != 200 ]; then
    verdict="$verdict; ERRORS: $non2xx non-2xx, $sockerr socket"
    FAILS=$((FAILS + 1))
  fi
  TABLE+=("$(printf '%-32s %9s %8s %8s %6s  %s' "$name" "$rps" "$p50" "$p99" "$ratio" "$verdict")")
done

echo
echo "wrk -t2 -c$CONNS -d${SECONDS_EACH}s, MALL_PROCS=$MALL_PROCS, $(nproc) cores"
printf '%-32s %9s %8s %8s %6s  %s\n' "page" "req/s" "p50 ms" "p99 ms" "ratio" "target"
printf '%s\n' "${TABLE[@]}"
if [ "$FAILS" -ne 0 ]; then
  echo "bench: $FAILS row(s) missed a target or had errors"
  exit 1
fi
echo "bench: all targets met"
