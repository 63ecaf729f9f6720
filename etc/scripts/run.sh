#!/usr/bin/env bash
# Starts HyperCrm on http://127.0.0.1:5080 with a local PostgreSQL cluster under .data/ (created on first run).
# Ctrl-C stops the app and the cluster. Set ConnectionStrings__Default to use your own PostgreSQL instead.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=lib/common.sh
source "$ROOT/etc/scripts/lib/common.sh"
cd "$ROOT"
ensure_packages

DATA="$ROOT/.data"
PG_DATA="$DATA/pg"
mkdir -p "$DATA"
started_pg=""
cleanup() {
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  [ -n "$started_pg" ] && pg_stop "$PG_DATA" && log "PostgreSQL stopped"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${ConnectionStrings__Default:-}" ]; then
  local_database "$DATA"
  started_pg=1
fi

export HYPERCRM_URLS="${HYPERCRM_URLS:-http://127.0.0.1:5080}"
export Sandbox__Enabled="${Sandbox__Enabled:-true}"
# The simulated outside world (ERP documents, stock, pick tasks, shipments, messages, ledgers) outlives a restart, as a real
# ERP would; POST /sandbox/reset forgets it on purpose.
export Sandbox__DataDirectory="${Sandbox__DataDirectory:-$DATA/sandbox}"
local_secrets "$DATA"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"

log "building"
rm -rf "$DATA/app"
dotnet publish src/HyperCrm.Web -c Release -nologo -v q -o "$DATA/app" >/dev/null
cd "$DATA/app"   # the content root: wwwroot and appsettings.json are here
log "applying migrations and seeding"
dotnet HyperCrm.Web.dll --migrate
log "starting on $HYPERCRM_URLS (Ctrl-C stops)"
dotnet HyperCrm.Web.dll &
app_pid=$!
wait "$app_pid"
