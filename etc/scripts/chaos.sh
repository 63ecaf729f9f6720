#!/usr/bin/env bash
# The fault suite: the app (with the sandbox inside it, its world journaled to disk) on its own PostgreSQL cluster, orders
# from six retrying partners through the public API, and for each scenario a fault injected mid-load: the app killed with
# kill -9, PostgreSQL restarted in immediate mode, the ERP down, the courier slow, the partner's webhook receiver down,
# SIGTERM. After recovery every placed order must exist once and reach "completed", every side effect in the simulators'
# ledgers must have happened once, and every order.completed webhook must have arrived. Prints a table, then one JSON line.
#   ./etc/scripts/chaos.sh [--short] [--scenario kill9|pgrestart|erpdown|courierslow|receiverdown|sigterm] [--orders N]
#   ./etc/scripts/chaos.sh --cluster [--short] [--orders N]
# --short: the kill -9 scenario with 30 orders (test.sh runs it, so CI keeps it true).
# --cluster: two app instances on the one database behind nginx (etc/deploy's configuration), the simulators in a process of
# their own; app1 is killed with kill -9 a third of the way in and not restarted: app2 must finish everything, with every
# event handled and every side effect once (test.sh runs it with --short).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=lib/common.sh
source "$ROOT/etc/scripts/lib/common.sh"
cd "$ROOT"
args=()
cluster=""
while [ $# -gt 0 ]; do
  case "$1" in
    --short) args+=(--short); shift ;;
    --scenario) args+=(--scenario "$2"); shift 2 ;;
    --orders) export CHAOS_ORDERS=$2; shift 2 ;;
    --cluster) args+=(--cluster); cluster=1; shift ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done
ensure_packages
[ -n "$cluster" ] && ensure_nginx

WORK=$(mktemp -d /tmp/hypercrm-chaos.XXXXXX)
chmod 755 "$WORK"
PG_DATA="$WORK/pg"
cleanup() {
  nginx_stop "$WORK/nginx"
  pkill -f "$WORK/app/HyperCrm.Web.dll" 2>/dev/null || true
  pkill -f "$WORK/sandbox-app/HyperCrm.Sandbox.dll" 2>/dev/null || true
  pg_stop "$PG_DATA"
  if [ -n "${CHAOS_KEEP:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(free_port 58432)
pg_start "$PG_DATA" "$port"
bin=$(pg_bin_dir)
as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE hypercrm_chaos" >/dev/null

log "building"
if ! out=$(dotnet build src/HyperCrm.Web -c Release -nologo -v q 2>&1 && dotnet build bench/HyperCrm.Chaos -c Release -nologo -v q 2>&1 \
  && { [ -z "$cluster" ] || dotnet build src/HyperCrm.Sandbox -c Release -nologo -v q 2>&1; }); then
  echo "$out" | grep -E " error " | sort -u >&2
  log "the build failed"
  exit 1
fi
# The app runs from a copy, so killing it by its path kills nothing else.
cp -r "$ROOT/src/HyperCrm.Web/bin/Release/net10.0" "$WORK/app"

app_port=$(free_port 5290)
export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Username=postgres;Database=hypercrm_chaos;Maximum Pool Size=64"
export HYPERCRM_URLS="http://127.0.0.1:$app_port" ASPNETCORE_ENVIRONMENT=Production
export HYPERCRM_ADMIN_EMAIL=chaos@chaos.test HYPERCRM_ADMIN_PASSWORD="correct horse staple battery"
export CHAOS_API_KEY="chaos-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export HYPERCRM_BOOTSTRAP_API_KEYS="chaos-shop:$CHAOS_API_KEY"
export Sandbox__Enabled=true Sandbox__DataDirectory="$WORK/sandbox" Sandbox__Wms__PickAfterSeconds=1
export Sandbox__Courier__DeliverAfterSeconds=2 Sandbox__Supplier__DeliverAfterSeconds=2
export Integrations__StockSyncInterval=00:00:00 Integrations__WmsPollInterval=00:00:00.500
export Webhooks__AllowedHosts__0=127.0.0.1 RateLimiting__PermitsPerMinute=100000000 Logging__LogLevel__Default=Warning
export Webhooks__Inbound__Shops__demo__Secret="whsec_$(head -c 32 /dev/urandom | base64 -w0)"
export Webhooks__Inbound__Couriers__sandbox__Secret="whsec_$(head -c 32 /dev/urandom | base64 -w0)"
export Webhooks__Inbound__Payments__sandbox__Secret="whsec_$(head -c 32 /dev/urandom | base64 -w0)"
export CHAOS_APP_URL="http://127.0.0.1:$app_port" CHAOS_APP_DLL="$WORK/app/HyperCrm.Web.dll" CHAOS_WORKDIR="$WORK"
export CHAOS_APP_LOG="$WORK/app.log" CHAOS_RECEIVER_PORT=$(free_port 5390)
export CHAOS_PG_RESTART="$(declare -f as_postgres); as_postgres $bin/pg_ctl -D $PG_DATA -m immediate -w -t 60 restart >/dev/null"

if [ -n "$cluster" ]; then
  # The simulators in a process of their own, both instances' connectors pointed at it, nginx in front of the instances.
  cp -r "$ROOT/src/HyperCrm.Sandbox/bin/Release/net10.0" "$WORK/sandbox-app"
  sandbox_port=$(free_port 5490)
  front_port=$(free_port 5590)
  app1_port=$(free_port $((app_port + 1)))
  app2_port=$(free_port $((app1_port + 1)))
  export CHAOS_SANDBOX_URL="http://127.0.0.1:$sandbox_port" CHAOS_APP_URL="http://127.0.0.1:$front_port"
  export CHAOS_APP_URLS="http://127.0.0.1:$app1_port,http://127.0.0.1:$app2_port"
  (cd "$WORK/sandbox-app" && exec dotnet "$WORK/sandbox-app/HyperCrm.Sandbox.dll" --urls "$CHAOS_SANDBOX_URL" --Sandbox:CrmUrl "$CHAOS_APP_URL" \
    >"$WORK/sandbox.log" 2>&1) &
  for _ in $(seq 1 60); do curl -fs "$CHAOS_SANDBOX_URL/sandbox/erp/ledger" >/dev/null 2>&1 && break; sleep 1; done
  export Sandbox__Enabled=false
  export Connectors__erp__BaseUrl="$CHAOS_SANDBOX_URL/sandbox/erp" Connectors__erp__UserName=crm Connectors__erp__Secret=erp-demo
  for name in wms courier sms payments; do export "Connectors__${name}__BaseUrl=$CHAOS_SANDBOX_URL/sandbox/$name"; done
  export Connectors__email__BaseUrl="$CHAOS_SANDBOX_URL/sandbox/mail" Robots__SandboxUrl="$CHAOS_SANDBOX_URL/sandbox"
  nginx_start "$WORK/nginx" "$front_port" "127.0.0.1:$app1_port" "127.0.0.1:$app2_port"
fi

log "migrating"
(cd "$WORK" && dotnet "$CHAOS_APP_DLL" --migrate >"$WORK/migrate.log" 2>&1) || { log "migration failed"; tail -n 30 "$WORK/migrate.log" >&2; exit 1; }
status=0
dotnet bench/HyperCrm.Chaos/bin/Release/net10.0/HyperCrm.Chaos.dll "${args[@]}" || status=$?
if [ "$status" -ne 0 ]; then
  log "the fault suite failed; the app's last words:"
  grep -E "fail|crit|error" -i "$WORK/app.log" | tail -n 20 >&2 || true
fi
exit "$status"
