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
  [ -f "$DATA/pg-password" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$DATA/pg-password")
  port=$(cat "$DATA/pg-port" 2>/dev/null || free_port 55432)
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && [ ! -f "$PG_DATA/postmaster.pid" ]; then port=$(free_port $((port + 1))); fi
  echo "$port" >"$DATA/pg-port"
  pg_start "$PG_DATA" "$port" "$(cat "$DATA/pg-password")"
  started_pg=1
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres;Password=$(cat "$DATA/pg-password")"
  as_postgres psql -h "$PG_DATA" -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname='hypercrm'" | grep -q 1 \
    || as_postgres psql -h "$PG_DATA" -p "$port" -qc "CREATE DATABASE hypercrm"
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Database=hypercrm;Username=postgres;Password=$(cat "$DATA/pg-password")"
fi

export HYPERCRM_URLS="${HYPERCRM_URLS:-http://127.0.0.1:5080}"
export Sandbox__Enabled="${Sandbox__Enabled:-true}"
# The simulated outside world (ERP documents, stock, pick tasks, shipments, messages, ledgers) outlives a restart, as a real
# ERP would; POST /sandbox/reset forgets it on purpose.
export Sandbox__DataDirectory="${Sandbox__DataDirectory:-$DATA/sandbox}"
# Standard Webhooks secrets of the sandbox shop ("demo"), courier ("sandbox") and payment gateway ("payments"): made
# once, kept with the data (a secret an older installation lacks is added).
secrets="$DATA/webhook-secrets"
( umask 077; touch "$secrets" )
for name in demo sandbox payments; do
  grep -q "^$name=" "$secrets" || printf '%s=whsec_%s\n' "$name" "$(head -c 32 /dev/urandom | base64 -w0)" >> "$secrets"
done
export Webhooks__Inbound__Shops__demo__Secret="${Webhooks__Inbound__Shops__demo__Secret:-$(sed -n 's/^demo=//p' "$secrets")}"
export Webhooks__Inbound__Couriers__sandbox__Secret="${Webhooks__Inbound__Couriers__sandbox__Secret:-$(sed -n 's/^sandbox=//p' "$secrets")}"
export Webhooks__Inbound__Payments__sandbox__Secret="${Webhooks__Inbound__Payments__sandbox__Secret:-$(sed -n 's/^payments=//p' "$secrets")}"
# The certificate that encrypts the Data Protection key ring in the database: made once, kept with the data (never in git).
if [ -z "${DataProtection__CertificatePath:-}" ]; then
  if [ ! -s "$DATA/dataprotection.pfx" ]; then
    ( umask 077
      head -c 24 /dev/urandom | base64 -w0 > "$DATA/dataprotection.password"
      openssl req -x509 -newkey rsa:3072 -sha256 -days 3650 -nodes -subj "/CN=HyperCrm Data Protection" \
        -keyout "$DATA/dataprotection.key" -out "$DATA/dataprotection.crt" 2>/dev/null
      openssl pkcs12 -export -inkey "$DATA/dataprotection.key" -in "$DATA/dataprotection.crt" -out "$DATA/dataprotection.pfx" \
        -passout "file:$DATA/dataprotection.password"
      rm -f "$DATA/dataprotection.key" )
    log "made the Data Protection certificate in $DATA/dataprotection.pfx"
  fi
  export DataProtection__CertificatePath="$DATA/dataprotection.pfx"
  export DataProtection__CertificatePassword="$(cat "$DATA/dataprotection.password")"
fi
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
