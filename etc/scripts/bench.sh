#!/usr/bin/env bash
# The benchmark on this machine: generates N customers and N orders (BENCH_ROWS, default 1,000,000), measures customer
# search and order list latency, order intake under concurrency, the automation engine, then the whole order-to-delivery
# scenario against the running app with the sandbox on loopback (accepted → shipped, duplicate side effects, partner
# webhook deliveries), and pgbench TPS on the same PostgreSQL in the same run, so every figure can be read as a ratio. Prints one JSON object on its last line; the query plans behind
# the list figures go to docs/bench-query-plans.md.
# Then the robots: the app restarted with 1, 2 and 4 Chromium workers, supplier-bot jobs through the queue (runs per minute,
# memory per browser) and out-of-stock orders from awaiting_stock to shipped. Then analytics: a generated event log of
# BENCH_EVENTS events (default 10,000,000), the process map and the KPIs beside a sequential scan of the same table, and
# the XES export's rate and memory.
# Then operations: statements per second an idle instance sends PostgreSQL (one instance, then two), the clustered scheduler's
# punctuality (100 schedules every second for 60 s) and the scenario's throughput with telemetry off and on.
# --only scenario: the order-to-delivery pipeline alone on a fresh database (HTTP intake, the scenario closed loop, then open loop
# at half its shipped rate), with pg_stat_statements' breakdown per order written to bench/results/. Every run's JSON line is
# saved as bench/results/<UTC date and time>.json.
# --only crm: the first part alone (search, lists, intake, conditions, trivial runs, the scenario).
#   ./etc/scripts/bench.sh [--seconds N] [--rows N] [--events N] [--only crm|scenario|robots|analytics|operations]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=lib/common.sh
source "$ROOT/etc/scripts/lib/common.sh"
cd "$ROOT"
export BENCH_SECONDS=20 BENCH_ROWS=${BENCH_ROWS:-1000000} BENCH_EVENTS=${BENCH_EVENTS:-10000000}
ONLY=
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) BENCH_SECONDS=$2; shift 2 ;;
    --rows) BENCH_ROWS=$2; shift 2 ;;
    --events) BENCH_EVENTS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done
ensure_packages

WORK=$(mktemp -d /tmp/hypercrm-bench.XXXXXX)
chmod 755 "$WORK"
PG_DATA="$WORK/pg"
APP_PID=
IDLE_PIDS=()
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  for pid in "${IDLE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  pg_stop "$PG_DATA"; rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(free_port 57432)
# pg_stat_statements for the per-order statement breakdown (pgbench runs on the same cluster, so it pays the same).
PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.max=5000" pg_start "$PG_DATA" "$port"
bin=$(pg_bin_dir)
as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE hypercrm_bench" >/dev/null
as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE pgbench" >/dev/null

log "building"
if ! out=$(dotnet build bench/HyperCrm.Bench -c Release -nologo -v q 2>&1); then
  echo "$out" | grep -E " error " | sort -u >&2
  log "the build failed"
  exit 1
fi
CONN="Host=127.0.0.1;Port=$port;Username=postgres;Database=hypercrm_bench;Maximum Pool Size=64"
APP_DLL="$ROOT/src/HyperCrm.Web/bin/Release/net10.0/HyperCrm.Web.dll"
API_KEY="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
app_port=$(free_port 5190)
log "migrating, then starting the app on 127.0.0.1:$app_port for the HTTP intake figures"
(cd "$WORK" && ConnectionStrings__Default="$CONN" Sandbox__Enabled=true HYPERCRM_ADMIN_EMAIL=bench@bench.test HYPERCRM_ADMIN_PASSWORD="correct horse staple battery" Logging__LogLevel__Default=Warning \
  dotnet "$APP_DLL" --migrate >"$WORK/migrate.log" 2>&1) || { log "migration failed"; tail -n 30 "$WORK/migrate.log" >&2; exit 1; }
# The migrated, seeded database before any phase wrote to it: the runs that compare with each other each start from a copy.
as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE hypercrm_template TEMPLATE hypercrm_bench" >/dev/null
APP_CONN=$CONN
# fresh_database: a new copy of the template for the next app start (the app stopped, so nobody is connected to the last one).
fresh_database() {
  as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS hypercrm_run" \
    -c "CREATE DATABASE hypercrm_run TEMPLATE hypercrm_template" >/dev/null
  APP_CONN="Host=127.0.0.1;Port=$port;Username=postgres;Database=hypercrm_run;Maximum Pool Size=64"
}
# Starts the app in the background with the sandbox on loopback (extra settings as arguments), and waits until it is ready.
start_app() {
  (cd "$WORK" && exec env ConnectionStrings__Default="$APP_CONN" HYPERCRM_URLS="http://127.0.0.1:$app_port" RateLimiting__PermitsPerMinute=100000000 \
    HYPERCRM_BOOTSTRAP_API_KEYS="bench-shop:$API_KEY" Logging__LogLevel__Default=Warning \
    Sandbox__Enabled=true Sandbox__Wms__PickAfterSeconds=1 Integrations__StockSyncInterval=00:00:00 Webhooks__AllowedHosts__0=127.0.0.1 \
    Webhooks__Inbound__Shops__demo__Secret="whsec_$(head -c 32 /dev/urandom | base64 -w0)" Webhooks__Inbound__Couriers__sandbox__Secret="whsec_$(head -c 32 /dev/urandom | base64 -w0)" \
    Webhooks__Inbound__Payments__sandbox__Secret="whsec_$(head -c 32 /dev/urandom | base64 -w0)" "$@" \
    dotnet "$APP_DLL" >"$WORK/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$app_port/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$app_port/health/ready" >/dev/null || { log "the app did not become ready"; tail -n 30 "$WORK/app.log" >&2; exit 1; }
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

RESULTS="$ROOT/bench/results"
STAMP=$(date -u +%Y-%m-%d-%H%M)
mkdir -p "$RESULTS"
crm="{}"
if [ -z "$ONLY" ] || [ "$ONLY" = crm ]; then
start_app
log "running the CRM benchmark over $BENCH_ROWS rows ($BENCH_SECONDS s of intake, in process and over HTTP)"
crm=$(ConnectionStrings__Default="$CONN" BENCH_PLANS_FILE="$ROOT/docs/bench-query-plans.md" BENCH_API_URL="http://127.0.0.1:$app_port" BENCH_API_KEY="$API_KEY" \
  BENCH_APP_PID="$APP_PID" BENCH_CLK_TCK="$(getconf CLK_TCK)" BENCH_BREAKDOWN_FILE="$RESULTS/$STAMP-statements.md" \
  dotnet bench/HyperCrm.Bench/bin/Release/net10.0/HyperCrm.Bench.dll | tail -n 1)
stop_app
elif [ "$ONLY" = scenario ]; then
fresh_database
start_app
log "running the scenario on a fresh database: HTTP intake, closed loop, open loop at half the shipped rate ($BENCH_SECONDS s each)"
crm=$(ConnectionStrings__Default="$APP_CONN" BENCH_API_URL="http://127.0.0.1:$app_port" BENCH_API_KEY="$API_KEY" BENCH_INTAKE=1 \
  BENCH_APP_PID="$APP_PID" BENCH_CLK_TCK="$(getconf CLK_TCK)" BENCH_BREAKDOWN_FILE="$RESULTS/$STAMP-statements.md" \
  dotnet bench/HyperCrm.Bench/bin/Release/net10.0/HyperCrm.Bench.dll scenario | tail -n 1)
stop_app
fi

robots=""
for workers in 1 2 4; do
  [ -z "$ONLY" ] || [ "$ONLY" = robots ] || break
  log "running the robots with $workers Chromium worker(s)"
  start_app Robots__MinWorkers="$workers" Robots__MaxWorkers="$workers"
  figures=$(ConnectionStrings__Default="$CONN" BENCH_API_URL="http://127.0.0.1:$app_port" BENCH_API_KEY="$API_KEY" \
    dotnet bench/HyperCrm.Bench/bin/Release/net10.0/HyperCrm.Bench.dll robots "$workers" | tail -n 1)
  stop_app
  figures=${figures#\{}; robots="$robots,${figures%\}}"
done

analytics=""
if [ -z "$ONLY" ] || [ "$ONLY" = analytics ]; then
  log "running analytics over $BENCH_EVENTS generated events"
  analytics=$(ConnectionStrings__Default="$CONN" dotnet bench/HyperCrm.Bench/bin/Release/net10.0/HyperCrm.Bench.dll analytics "$BENCH_EVENTS" \
    | tail -n 1)
  analytics=${analytics#\{}; analytics=",${analytics%\}}"
fi

operations=""
if [ -z "$ONLY" ] || [ "$ONLY" = operations ]; then
  # Statements an idle instance sends: N instances on the database, 40 s to settle, then every statement PostgreSQL runs
  # for 240 s (two alert evaluation cycles: in a cluster, whichever instance acquires the trigger evaluates, so a shorter
  # window charges one instance with a whole cycle or none) is logged (log_statement = all, the connection's application
  # name in front) and counted per instance.
  idle_statements() {
    local n=$1 i since counts=""
    IDLE_PIDS=()
    for i in $(seq 1 "$n"); do
      (cd "$WORK" && exec env ConnectionStrings__Default="$CONN;Application Name=idle$i" HYPERCRM_URLS="http://127.0.0.1:$((app_port + i))" \
        HYPERCRM_INSTANCE_NAME="idle$i" Logging__LogLevel__Default=Warning Sandbox__Enabled=true Integrations__StockSyncInterval=00:00:00 \
        dotnet "$APP_DLL" >"$WORK/idle$i.log" 2>&1) &
      IDLE_PIDS+=($!)
    done
    for i in $(seq 1 "$n"); do
      for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$((app_port + i))/health/ready" >/dev/null 2>&1 && break; sleep 1; done
    done
    sleep 40
    as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "ALTER SYSTEM SET log_statement = 'all'" \
      -c "ALTER SYSTEM SET log_line_prefix = '%a|'" -c "SELECT pg_reload_conf()" >/dev/null
    since=$(wc -l <"$PG_DATA/server.log")
    sleep 240
    as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "ALTER SYSTEM RESET log_statement" \
      -c "ALTER SYSTEM RESET log_line_prefix" -c "SELECT pg_reload_conf()" >/dev/null
    for i in $(seq 1 "$n"); do
      counts="$counts $(tail -n +"$((since + 1))" "$PG_DATA/server.log" | grep -cE "^idle$i\|.*LOG:  (statement|execute)" || true)"
    done
    for pid in "${IDLE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    IDLE_PIDS=()
    echo "$counts"
  }
  log "counting an idle instance's statements (1 instance, then 2; 240 s each)"
  read -r one <<<"$(idle_statements 1)"
  read -r two_a two_b <<<"$(idle_statements 2)"
  log "the clustered scheduler: 100 schedules every second for 60 s"
  sched=$(ConnectionStrings__Default="$CONN" dotnet bench/HyperCrm.Bench/bin/Release/net10.0/HyperCrm.Bench.dll scheduler 100 60 | tail -n 1)
  # Telemetry's cost: the scenario four times, off and on alternating (off, on, on, off: neither goes first each time), each
  # on a freshly started app over a fresh copy of the migrated database (so no run inherits another's orders, runs or
  # subscriptions); the app's CPU time (user + system, from /proc) per order it shipped, and the throughput. CPU per order is
  # what instrumentation costs; shipped/s on a 2-core machine shared with PostgreSQL is noisier.
  scenario_run() {
    local out
    fresh_database
    start_app "$@"
    out=$(ConnectionStrings__Default="$APP_CONN" BENCH_API_URL="http://127.0.0.1:$app_port" BENCH_API_KEY="$API_KEY" BENCH_OPEN_LOOP=0 \
      BENCH_APP_PID="$APP_PID" BENCH_CLK_TCK="$(getconf CLK_TCK)" \
      dotnet bench/HyperCrm.Bench/bin/Release/net10.0/HyperCrm.Bench.dll scenario | tail -n 1)
    stop_app
    echo "$(echo "$out" | sed -n 's/.*"orders_shipped_per_s":\([0-9.]*\).*/\1/p') \
      $(echo "$out" | sed -n 's/.*"orders_accepted_per_s":\([0-9.]*\).*/\1/p') \
      $(echo "$out" | sed -n 's/.*"app_cpu_s_per_shipped":\([0-9.]*\).*/\1/p' | awk '{printf "%.1f", $1 * 1000}')"
  }
  log "the scenario with telemetry off, on, on, off ($BENCH_SECONDS s of intake each)"
  read -r shipped_off1 accepted_off1 cpu_off1 <<<"$(scenario_run Telemetry__Enabled=false)"
  read -r shipped_on1 accepted_on1 cpu_on1 <<<"$(scenario_run)"
  read -r shipped_on2 accepted_on2 cpu_on2 <<<"$(scenario_run)"
  read -r shipped_off2 accepted_off2 cpu_off2 <<<"$(scenario_run Telemetry__Enabled=false)"
  shipped_off="[${shipped_off1:-null},${shipped_off2:-null}]"; shipped_on="[${shipped_on1:-null},${shipped_on2:-null}]"
  accepted_off="[${accepted_off1:-null},${accepted_off2:-null}]"; accepted_on="[${accepted_on1:-null},${accepted_on2:-null}]"
  cpu_off="[${cpu_off1:-null},${cpu_off2:-null}]"; cpu_on="[${cpu_on1:-null},${cpu_on2:-null}]"
  sched=${sched#\{}; sched=${sched%\}}
  operations=",\"idle_statements_per_s_one_instance\":$(awk "BEGIN{printf \"%.2f\", ${one:-0}/240}"),\"idle_statements_per_s_two_instances\":[$(awk "BEGIN{printf \"%.2f,%.2f\", ${two_a:-0}/240, ${two_b:-0}/240}")],$sched"
  operations="$operations,\"telemetry_off_shipped_per_s\":${shipped_off:-null},\"telemetry_on_shipped_per_s\":${shipped_on:-null}"
  operations="$operations,\"telemetry_off_accepted_per_s\":${accepted_off:-null},\"telemetry_on_accepted_per_s\":${accepted_on:-null}"
  operations="$operations,\"telemetry_off_app_cpu_ms_per_shipped\":$cpu_off,\"telemetry_on_app_cpu_ms_per_shipped\":$cpu_on"
fi

log "running pgbench (TPC-B-like, scale 10, 8 clients, $BENCH_SECONDS s)"
as_postgres "$bin/pgbench" -h 127.0.0.1 -p "$port" -U postgres -i -s 10 -q pgbench >/dev/null 2>&1
tps=$(as_postgres "$bin/pgbench" -h 127.0.0.1 -p "$port" -U postgres -c 8 -j 2 -T "$BENCH_SECONDS" pgbench 2>/dev/null \
  | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1)

crm=${crm%\}}
parts="$robots$analytics$operations"
[ "$crm" = "{" ] && parts=${parts#,}
result="$crm$parts,\"pgbench_tps\":${tps:-null},\"cores\":$(nproc)}"
echo "$result" >"$RESULTS/$STAMP.json"
log "saved as bench/results/$STAMP.json"
echo "$result"
