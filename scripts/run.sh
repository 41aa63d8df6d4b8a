#!/usr/bin/env bash
# run.sh: `make run` — the demo mall on a private MariaDB under var/, until Ctrl-C or SIGTERM.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/stack.sh"
VAR="$ROOT/var"
PORT=${PORT:-8080}

stack_stop "$VAR" 2>/dev/null || true   # leftovers of a run that was killed hard
stopping=0
shutdown() {
  [ "$stopping" = 1 ] && return
  stopping=1
  echo
  echo "Stopping lighttpd, the FastCGI programs and MariaDB…"
  stack_stop "$VAR"
  echo "Stopped. Data is kept in var/ for the next 'make run'."
}
trap shutdown EXIT
trap 'exit 0' INT TERM

stack_start "$VAR" "$PORT"
cat <<MSG

  积分商城 Points Mall is running:  http://127.0.0.1:$PORT/

  Demo accounts
    member    13800138000 / Demo@2026      http://127.0.0.1:$PORT/login
    admin     admin / Admin@2026           http://127.0.0.1:$PORT/admin/   (also ops, moderator, finance)
    merchant  carwash / Merchant@2026      http://127.0.0.1:$PORT/merchant/
    partner   key pk_demo_cmcc / secret sk_demo_cmcc_local_only   http://127.0.0.1:$PORT/api/v1/  (README: a signed call)

  SMS texts (codes) are kept in the outbox:  build/mallctl sms-outbox --last 5
  Logs: var/log/   Press Ctrl-C to stop.

MSG
sleep infinity &
wait $!
