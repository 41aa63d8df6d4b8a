#!/usr/bin/env bash
# stack.sh: start/stop the private MariaDB and lighttpd for one var/ directory.
#   scripts/stack.sh start VAR PORT   — creates the database on first use, migrates, seeds when empty
#   scripts/stack.sh stop VAR
# Sourced by run.sh, test.sh and bench.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

stack_env() {
  local var=$1
  export MALL_ROOT=$ROOT MALL_VAR=$var MALL_UPLOADS=$var/uploads
  export MALL_DB_SOCKET=$var/run/mariadb.sock MALL_DB_NAME=mall MALL_DB_USER=root MALL_DB_PASS=
  export MALL_BUILD=${MALL_BUILD:-$ROOT/build}
  export MALL_PROCS=${MALL_PROCS:-4} MALL_TZ=${MALL_TZ:-+08:00}
  export MALL_SMS_DRIVER=${MALL_SMS_DRIVER:-outbox}
  # The sandbox payment provider's cashier pages (C5): on for development and tests, off in production.
  export MALL_PAY_SANDBOX=${MALL_PAY_SANDBOX:-1}
}

db_start() {
  local var=$1
  mkdir -p "$var"/{run,log,tmp,uploads,db}
  local user_opt=()
  [ "$(id -u)" = 0 ] && user_opt=(--user=root)
  cat > "$var/my.cnf" <<CNF
[mariadbd]
datadir=$var/db
socket=$var/run/mariadb.sock
pid-file=$var/run/mariadb.pid
log-error=$var/log/mariadb.log
skip-networking
skip-log-bin
plugin-load-add=ha_mroonga.so
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max_connections=500
innodb_buffer_pool_size=256M
innodb_flush_log_at_trx_commit=${MALL_DB_FLUSH:-1}
innodb_lock_wait_timeout=10
# Interleaved AUTO_INCREMENT (as the cluster's, scripts/cluster.sh): the payment's pipelined inserts are INSERT …
# SELECT … FROM DUAL (cgi/core/db.h, DB_IN_TX), for which mode 1 holds a table lock per statement; no binlog here.
innodb_autoinc_lock_mode=2
[client]
socket=$var/run/mariadb.sock
CNF
  if [ ! -d "$var/db/mysql" ]; then
    mariadb-install-db --defaults-file="$var/my.cnf" "${user_opt[@]}" --auth-root-authentication-method=normal \
      --skip-test-db > "$var/log/mariadb-install.log" 2>&1 || { cat "$var/log/mariadb-install.log"; return 1; }
  fi
  mariadbd --defaults-file="$var/my.cnf" "${user_opt[@]}" >> "$var/log/mariadb.log" 2>&1 &
  for _ in $(seq 1 100); do
    mariadb-admin --defaults-file="$var/my.cnf" -uroot ping >/dev/null 2>&1 && break
    sleep 0.2
  done
  mariadb-admin --defaults-file="$var/my.cnf" -uroot ping >/dev/null 2>&1 || { tail -20 "$var/log/mariadb.log"; return 1; }
  mariadb --defaults-file="$var/my.cnf" -uroot -e "CREATE DATABASE IF NOT EXISTS mall CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
}

db_stop() {
  local var=$1
  local me="mariadbd --defaults-file=$var/my.cnf"
  if [ -S "$var/run/mariadb.sock" ]; then
    mariadb-admin --defaults-file="$var/my.cnf" -uroot shutdown >/dev/null 2>&1 || true
    for _ in $(seq 1 50); do [ -S "$var/run/mariadb.sock" ] || break; sleep 0.2; done
  fi
  # One still starting (db_start gave up waiting on a loaded machine: no socket yet) or not answering is stopped by
  # its command line, so no server outlives the directory it runs in.
  pgrep -f -- "$me" >/dev/null || return 0
  pkill -TERM -f -- "$me"
  for _ in $(seq 1 50); do pgrep -f -- "$me" >/dev/null || return 0; sleep 0.2; done
  pkill -KILL -f -- "$me"
}

web_start() {
  local var=$1 port=$2
  export PORT=$port
  lighttpd -tt -f "$ROOT/lighttpd.conf" >/dev/null
  lighttpd -D -f "$ROOT/lighttpd.conf" >> "$var/log/lighttpd.out" 2>&1 &
  echo $! > "$var/run/lighttpd.wrapper.pid"
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "lighttpd did not answer on port $port" >&2
  tail -20 "$var/log/lighttpd-error.log" >&2 || true
  return 1
}

web_stop() {
  local var=$1
  local pid
  pid=$(cat "$var/run/lighttpd.pid" 2>/dev/null || cat "$var/run/lighttpd.wrapper.pid" 2>/dev/null || true)
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$var/run/lighttpd.pid" "$var/run/lighttpd.wrapper.pid"
}

# Free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null ||
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

stack_start() {
  local var=$1 port=$2
  stack_env "$var"
  db_start "$var"
  "$MALL_BUILD/mallctl" migrate
  "$MALL_BUILD/mallctl" seed --if-empty
  web_start "$var" "$port"
}

stack_stop() {
  local var=$1
  web_stop "$var"
  db_stop "$var"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    start) stack_start "$2" "$3" ;;
    stop) stack_stop "$2" ;;
    *) echo "usage: $0 start VAR PORT | stop VAR" >&2; exit 2 ;;
  esac
fi
