#!/usr/bin/env bash
# cluster.sh: a 3-node MariaDB Galera cluster and two app nodes (lighttpd + FastCGI) on this one machine, on loopback.
#   scripts/cluster.sh test [VAR]       — start everything, run the bank test (tests/cluster/bank.mjs), stop (make cluster-test)
#   scripts/cluster.sh start VAR        — start everything and leave it running (VAR/cluster.env says where)
#   scripts/cluster.sh stop VAR         — stop everything started under VAR
#   scripts/cluster.sh db-kill VAR N    — kill -9 database node N (1..3)
#   scripts/cluster.sh db-start VAR N   — start node N again: it recovers its position and rejoins (IST, else SST)
# Each database node has its own datadir, port, Galera port, IST and SST ports under VAR/dbN; mariabackup SST.
# Each app node has its own MALL_VAR (VAR/appN: run, log) but the same secret.key and uploads (VAR/shared), and
# MALL_DB_HOSTS listing every node, its preferred one first (app 1 → db 1, app 2 → db 2).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=stack.sh
source "$ROOT/scripts/stack.sh"
export MALL_BUILD=${MALL_BUILD:-$ROOT/build}
NODES=3
APPS=2

user_opt() { [ "$(id -u)" = 0 ] && echo --user=root || true; }

# Ports, chosen once per VAR and kept in VAR/ports.env (a restarted node keeps its own).
cluster_ports() {
  local var=$1
  if [ ! -f "$var/ports.env" ]; then
    {
      for i in $(seq 1 $NODES); do
        echo "DB_PORT_$i=$(free_port)"
        echo "GALERA_PORT_$i=$(free_port)"
        echo "IST_PORT_$i=$(free_port)"
        echo "SST_PORT_$i=$(free_port)"
      done
      for j in $(seq 1 $APPS); do echo "APP_PORT_$j=$(free_port)"; done
      echo "SMS_PORT=$(free_port)"
    } > "$var/ports.env"
  fi
  # shellcheck disable=SC1091
  source "$var/ports.env"
}

port_of() { local n="$1_$2"; echo "${!n}"; }

db_cnf() {
  local var=$1 i=$2 d=$1/db$2 gaddr="" k
  for k in $(seq 1 $NODES); do gaddr+="${gaddr:+,}127.0.0.1:$(port_of GALERA_PORT "$k")"; done
  mkdir -p "$d"/{data,run,log,tmp}
  cat > "$d/my.cnf" <<CNF
[mariadbd]
datadir=$d/data
tmpdir=$d/tmp
socket=$d/run/mariadb.sock
pid-file=$d/run/mariadb.pid
log-error=$d/log/mariadb.log
port=$(port_of DB_PORT "$i")
bind-address=127.0.0.1
skip-name-resolve
plugin-load-add=ha_mroonga.so
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max_connections=300
innodb_buffer_pool_size=64M
innodb_log_file_size=64M
innodb_flush_log_at_trx_commit=${MALL_DB_FLUSH:-2}
innodb_lock_wait_timeout=10
innodb_autoinc_lock_mode=2
default_storage_engine=InnoDB
binlog_format=ROW
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=mall
wsrep_cluster_address=gcomm://$gaddr
wsrep_node_name=db$i
wsrep_node_address=127.0.0.1:$(port_of GALERA_PORT "$i")
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(port_of GALERA_PORT "$i");ist.recv_addr=127.0.0.1:$(port_of IST_PORT "$i");gcache.size=64M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.install_timeout=PT6S"
wsrep_sst_method=mariabackup
wsrep_sst_auth=root:
wsrep_sst_receive_address=127.0.0.1:$(port_of SST_PORT "$i")
wsrep_slave_threads=2
[client]
socket=$d/run/mariadb.sock
user=root
CNF
}

db_sql() { # var node sql…
  local var=$1 i=$2
  shift 2
  mariadb --defaults-file="$var/db$i/my.cnf" -N -B -e "$*"
}

db_status() { db_sql "$1" "$2" "SHOW STATUS LIKE '$3'" 2>/dev/null | cut -f2; }

db_wait_synced() {
  local var=$1 i=$2 tries=${3:-600}
  for _ in $(seq 1 "$tries"); do
    [ "$(db_status "$var" "$i" wsrep_local_state_comment)" = Synced ] && [ "$(db_status "$var" "$i" wsrep_ready)" = ON ] && return 0
    sleep 0.2
  done
  echo "db node $i did not reach Synced" >&2
  tail -30 "$var/db$i/log/mariadb.log" >&2
  return 1
}

# Starts node i; "new" bootstraps a new cluster with it. A node that ran before (killed: grastate seqno -1) first
# recovers its last committed position from InnoDB (what galera_recovery does) so the cluster can send it the
# missing writesets (IST) instead of a full copy (SST).
db_node_start() {
  local var=$1 i=$2 mode=${3:-join} d=$1/db$2 opts=()
  db_cnf "$var" "$i"
  if [ "$mode" = new ]; then
    if [ ! -d "$d/data/mysql" ]; then
      mariadb-install-db --defaults-file="$d/my.cnf" $(user_opt) --auth-root-authentication-method=normal \
        --skip-test-db > "$d/log/install.log" 2>&1 || { cat "$d/log/install.log"; return 1; }
    fi
    opts+=(--wsrep-new-cluster)
  elif [ -d "$d/data/mysql" ] && grep -q '^seqno: *-1' "$d/data/grastate.dat" 2>/dev/null; then
    rm -f "$d/log/recover.log"
    mariadbd --defaults-file="$d/my.cnf" $(user_opt) --wsrep-recover --log-error="$d/log/recover.log" >/dev/null 2>&1 || true
    local pos
    pos=$(sed -n 's/.*WSREP: Recovered position: *\([^ ]*\).*/\1/p' "$d/log/recover.log" | tail -1)
    [ -n "$pos" ] && opts+=(--wsrep-start-position="$pos")
    echo "db$i: recovered position ${pos:-unknown}"
  fi
  mariadbd --defaults-file="$d/my.cnf" $(user_opt) "${opts[@]}" >> "$d/log/mariadb.out" 2>&1 &
  echo $! > "$d/run/mariadbd.launch.pid"
}

db_node_kill() {
  local var=$1 i=$2 pid
  pid=$(cat "$var/db$i/run/mariadb.pid" 2>/dev/null || cat "$var/db$i/run/mariadbd.launch.pid")
  kill -9 "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$var/db$i/run/mariadb.pid" "$var/db$i/run/mariadb.sock"
}

db_node_stop() {
  local var=$1 i=$2 pid
  pid=$(cat "$var/db$i/run/mariadb.pid" 2>/dev/null || true)
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}

# The node list an app node uses: its preferred database node first, then the others in turn.
hosts_for() {
  local first=$1 list="" k n
  for k in $(seq 0 $((NODES - 1))); do
    n=$(( (first - 1 + k) % NODES + 1 ))
    list+="${list:+,}127.0.0.1:$(port_of DB_PORT "$n")"
  done
  echo "$list"
}

app_env() { # var app-node [first database node]
  local var=$1 j=$2 first=${3:-$2}
  stack_env "$var/app$j"
  export MALL_DB_SOCKET=$var/nonexistent.sock # never used: MALL_DB_HOSTS wins
  MALL_DB_HOSTS=$(hosts_for "$first")
  export MALL_DB_HOSTS
}

app_start() { # var app-node [first database node]
  local var=$1 j=$2 first=${3:-$2} a=$1/app$2
  mkdir -p "$a"/{run,log,tmp} "$var/shared/uploads"
  cp "$var/shared/secret.key" "$a/secret.key"
  chmod 600 "$a/secret.key"
  ln -sfn "$var/shared/uploads" "$a/uploads"
  (app_env "$var" "$j" "$first" && web_start "$a" "$(port_of APP_PORT "$j")")
}

app_stop() { web_stop "$1/app$2"; }

cluster_start() {
  local var=$1
  mkdir -p "$var/shared"
  cluster_ports "$var"
  echo "== db1: bootstrapping a new cluster (port $(port_of DB_PORT 1))"
  db_node_start "$var" 1 new
  db_wait_synced "$var" 1
  for i in $(seq 2 $NODES); do
    echo "== db$i: joining (port $(port_of DB_PORT "$i"), SST by mariabackup)"
    db_node_start "$var" "$i"
    db_wait_synced "$var" "$i"
  done
  echo "== cluster size $(db_status "$var" 1 wsrep_cluster_size); migrating and seeding through db1"
  db_sql "$var" 1 "CREATE DATABASE IF NOT EXISTS mall CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  (
    stack_env "$var/shared"
    export MALL_DB_HOSTS=127.0.0.1:$(port_of DB_PORT 1)
    "$MALL_BUILD/mallctl" migrate
    "$MALL_BUILD/mallctl" seed --if-empty
  )
  # Mroonga tables are not replicated by Galera (InnoDB only): every node indexes its own search copy.
  for i in $(seq 2 $NODES); do
    (stack_env "$var/shared" && MALL_DB_HOSTS=127.0.0.1:$(port_of DB_PORT "$i") "$MALL_BUILD/mallctl" reindex >/dev/null)
  done
  for j in $(seq 1 $APPS); do
    echo "== app$j: http://127.0.0.1:$(port_of APP_PORT "$j") (MALL_DB_HOSTS=$(hosts_for "$j"))"
    app_start "$var" "$j"
  done
  {
    echo "CLUSTER_VAR=$var"
    for i in $(seq 1 $NODES); do echo "DB_PORT_$i=$(port_of DB_PORT "$i")"; done
    for j in $(seq 1 $APPS); do echo "APP_URL_$j=http://127.0.0.1:$(port_of APP_PORT "$j")"; done
  } > "$var/cluster.env"
}

cluster_stop() {
  local var=$1
  [ -f "$var/ports.env" ] || return 0
  cluster_ports "$var"
  for j in $(seq 1 $APPS); do app_stop "$var" "$j" || true; done
  for i in $(seq $NODES -1 1); do db_node_stop "$var" "$i" || true; done
}

cluster_test() {
  local var=${1:-}
  local keep=1
  if [ -z "$var" ]; then
    var=$(mktemp -d /tmp/mall-cluster.XXXXXX)
    keep=0
  fi
  mkdir -p "$var"
  var=$(cd "$var" && pwd)
  cluster_ports "$var"
  # Codes are texted to the bank test itself (it plays the SMS gateway): no database read per code.
  export MALL_SMS_DRIVER=http MALL_SMS_URL=http://127.0.0.1:$SMS_PORT/sms MALL_CLUSTER_SMS_PORT=$SMS_PORT
  CLUSTER_STOP_VAR=$var
  CLUSTER_KEEP=$keep
  trap 'set +e; cluster_stop "$CLUSTER_STOP_VAR"; mkdir -p "$ROOT/var/cluster-logs"; for d in "$CLUSTER_STOP_VAR"/db? "$CLUSTER_STOP_VAR"/app?; do mkdir -p "$ROOT/var/cluster-logs/$(basename "$d")"; cp -r "$d/log/." "$ROOT/var/cluster-logs/$(basename "$d")/" 2>/dev/null; done; [ "$CLUSTER_KEEP" = 1 ] || rm -rf "$CLUSTER_STOP_VAR"' EXIT
  trap 'exit 130' INT TERM
  cluster_start "$var"
  echo "== the certification-conflict unit test against db1 + db2"
  (stack_env "$var/shared" && MALL_DB_HOSTS=$(hosts_for 1) "$MALL_BUILD/tests/test_db_cluster")
  echo "== the bank test"
  MALL_CLUSTER_VAR=$var MALL_ROOT=$ROOT node "$ROOT/tests/cluster/bank.mjs"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    start) mkdir -p "$2" && cluster_start "$(cd "$2" && pwd)" ;;
    stop) cluster_stop "$(cd "$2" && pwd)" ;;
    test) cluster_test "${2:-}" ;;
    db-kill) cluster_ports "$2" && db_node_kill "$2" "$3" ;;
    db-start) cluster_ports "$2" && db_node_start "$2" "$3" && db_wait_synced "$2" "$3" ;;
    db-start-wait) cluster_ports "$2" && db_wait_synced "$2" "$3" ;;
    app-restart) # VAR [J FIRST]: app node J (default: both) again, its node list starting at database node FIRST
      cluster_ports "$2"
      for j in $(seq 1 $APPS); do
        [ -n "${3:-}" ] && [ "$3" != "$j" ] && continue
        app_stop "$2" "$j"
        app_start "$2" "$j" "${4:-$j}"
      done ;;
    db-sql) cluster_ports "$2" && db_sql "$2" "$3" "$4" ;;
    *) echo "usage: $0 test [VAR] | start VAR | stop VAR | db-kill VAR N | db-start VAR N | db-start-wait VAR N | app-restart VAR [J FIRST] | db-sql VAR N SQL" >&2; exit 2 ;;
  esac
fi
