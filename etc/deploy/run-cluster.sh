#!/usr/bin/env bash
# Two HyperCrm instances behind nginx on one PostgreSQL, as a scaled-out deployment runs: nginx on
# http://127.0.0.1:5080 spreads the requests over app1 (127.0.0.1:5081) and app2 (127.0.0.1:5082); the outbox (SKIP
# LOCKED), the inboxes, the run and bot leases and clustered Quartz share the work, so each event, trigger and job
# happens once. The simulators run as one process of their own (127.0.0.1:5090, under /sandbox through nginx) so
# both instances talk to the same "outside world". Open the console at http://127.0.0.1:5080/Operations: both
# instances are listed there. Ctrl-C stops everything it started.
#   ./etc/deploy/run-cluster.sh [--instances N]   (2 by default, up to 8: app3 on 5083, …)
# Like run.sh: PostgreSQL under .data/ unless ConnectionStrings__Default is set; the same secrets and certificate.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../scripts/lib/common.sh
source "$ROOT/etc/scripts/lib/common.sh"
cd "$ROOT"
instances=2
while [ $# -gt 0 ]; do
  case "$1" in
    --instances) instances=$2; shift 2 ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done
[[ "$instances" =~ ^[1-8]$ ]] || { log "--instances takes 1 to 8"; exit 2; }
ensure_packages
ensure_nginx

DATA="$ROOT/.data"
CLUSTER="$DATA/cluster"
mkdir -p "$DATA" "$CLUSTER"
pids=()
started_pg=""
cleanup() {
  nginx_stop "$CLUSTER/nginx"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$started_pg" ] && pg_stop "$DATA/pg" && log "PostgreSQL stopped"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${ConnectionStrings__Default:-}" ]; then
  local_database "$DATA"
  started_pg=1
fi
local_secrets "$DATA"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"

front=${HYPERCRM_CLUSTER_PORT:-5080}
sandbox_url="http://127.0.0.1:5090"
log "building"
rm -rf "$CLUSTER/app" "$CLUSTER/sandbox-app"
dotnet publish src/HyperCrm.Web -c Release -nologo -v q -o "$CLUSTER/app" >/dev/null
dotnet publish src/HyperCrm.Sandbox -c Release -nologo -v q -o "$CLUSTER/sandbox-app" >/dev/null

log "applying migrations and seeding"
(cd "$CLUSTER/app" && dotnet HyperCrm.Web.dll --migrate)

log "starting the simulators on $sandbox_url"
(cd "$CLUSTER/sandbox-app" && exec dotnet HyperCrm.Sandbox.dll --urls "$sandbox_url" --Sandbox:Enabled true \
  --Sandbox:CrmUrl "http://127.0.0.1:$front" --Sandbox:DataDirectory "$DATA/sandbox" \
  --Webhooks:Inbound:Shops:demo:Secret "$Webhooks__Inbound__Shops__demo__Secret" \
  --Webhooks:Inbound:Couriers:sandbox:Secret "$Webhooks__Inbound__Couriers__sandbox__Secret" \
  --Webhooks:Inbound:Payments:sandbox:Secret "$Webhooks__Inbound__Payments__sandbox__Secret" >"$CLUSTER/sandbox.log" 2>&1) &
pids+=($!)

# Every instance: the simulators' process for its connectors, its own name and port.
export Sandbox__Enabled=false
export Connectors__erp__BaseUrl="$sandbox_url/sandbox/erp" Connectors__erp__UserName=crm Connectors__erp__Secret=erp-demo
for name in wms courier sms payments; do export "Connectors__${name}__BaseUrl=$sandbox_url/sandbox/$name"; done
export Connectors__email__BaseUrl="$sandbox_url/sandbox/mail" Robots__SandboxUrl="$sandbox_url/sandbox"
export Webhooks__AllowedHosts__0=127.0.0.1 HYPERCRM_PUBLIC_URL="http://127.0.0.1:$front"
upstreams=()
for i in $(seq 1 "$instances"); do
  port=$((5080 + i))
  (cd "$CLUSTER/app" && HYPERCRM_URLS="http://127.0.0.1:$port" HYPERCRM_INSTANCE_NAME="app$i" exec dotnet HyperCrm.Web.dll \
    >"$CLUSTER/app$i.log" 2>&1) &
  pids+=($!)
  upstreams+=("127.0.0.1:$port")
done
for i in $(seq 1 "$instances"); do
  port=$((5080 + i))
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { log "app$i did not become ready"; tail -n 30 "$CLUSTER/app$i.log" >&2; exit 1; }
  log "app$i ready on 127.0.0.1:$port (log: $CLUSTER/app$i.log)"
done
nginx_start "$CLUSTER/nginx" "$front" "${upstreams[@]}" --sandbox "$sandbox_url"
log "HyperCrm on http://127.0.0.1:$front ($instances instances; the shop at http://127.0.0.1:$front/sandbox/shop). Ctrl-C stops."
# Kill one instance (kill -9 the app2 process, say) and the others take its work over: its leased runs and bot jobs when
# their leases lapse, its requests through nginx at once. The cluster stops with Ctrl-C.
wait
