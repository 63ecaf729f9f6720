#!/usr/bin/env bash
# Backs up HyperCrm into one archive (umask 077): the database as a pg_dump custom-format dump, and what is needed to read
# it: the Data Protection certificate and its password (the key ring that encrypts connector passwords, webhook signing
# secrets and authenticator keys lives in the database, encrypted with this certificate: without it, a restored database
# opens but those secrets cannot be read), the inbound webhook secrets, and the sandbox's world.
#   ./etc/scripts/backup.sh [--out FILE.tar.gz]        (default: .data/backups/hypercrm-<UTC time>.tar.gz)
# The database is ConnectionStrings__Default when set, else run.sh's local cluster under .data (started for the dump and
# stopped again when it was not running). HYPERCRM_DATA moves .data elsewhere. Keep the archive as carefully as the
# database itself: it holds the certificate that unlocks the secrets.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=lib/common.sh
source "$ROOT/etc/scripts/lib/common.sh"
DATA=${HYPERCRM_DATA:-$ROOT/.data}
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done
ensure_packages
umask 077
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=${out:-$DATA/backups/hypercrm-$stamp.tar.gz}
mkdir -p "$(dirname "$out")"
STAGE=$(mktemp -d /tmp/hypercrm-backup.XXXXXX)
chmod 755 "$STAGE"
started=""
cleanup() {
  [ -n "$started" ] && pg_stop "$DATA/pg"
  rm -rf "$STAGE"
}
trap cleanup EXIT

pg_connection_env
if [ -z "${ConnectionStrings__Default:-}" ] && [ ! -f "$DATA/pg/postmaster.pid" ]; then
  pg_start "$DATA/pg" "$PGPORT" "$PGPASSWORD"
  started=1
fi
mkdir -p "$STAGE/backup"
chown postgres "$STAGE/backup"
log "dumping $PGDATABASE on $PGHOST:$PGPORT"
as_postgres env PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" PGPASSWORD="$PGPASSWORD" PGDATABASE="$PGDATABASE" \
  "$(pg_bin_dir)/pg_dump" --format=custom --no-owner --file="$STAGE/backup/hypercrm.dump"
chown -R "$(id -u)" "$STAGE/backup"

cert=${DataProtection__CertificatePath:-$DATA/dataprotection.pfx}
if [ -f "$cert" ]; then
  cp "$cert" "$STAGE/backup/dataprotection.pfx"
  if [ -n "${DataProtection__CertificatePassword:-}" ]; then printf '%s' "$DataProtection__CertificatePassword" >"$STAGE/backup/dataprotection.password"
  elif [ -f "$DATA/dataprotection.password" ]; then cp "$DATA/dataprotection.password" "$STAGE/backup/"; fi
else
  log "no Data Protection certificate found: the key ring in the dump is not encrypted by one (development keys)"
fi
[ -f "$DATA/webhook-secrets" ] && cp "$DATA/webhook-secrets" "$STAGE/backup/"
[ -d "${Sandbox__DataDirectory:-$DATA/sandbox}" ] && cp -r "${Sandbox__DataDirectory:-$DATA/sandbox}" "$STAGE/backup/sandbox"
{
  echo "HyperCrm backup, $stamp"
  echo "database: $PGDATABASE ($("$(pg_bin_dir)/pg_restore" --version))"
  echo "restore with: ./etc/scripts/restore.sh $(basename "$out")"
  (cd "$STAGE/backup" && ls -1)
} >"$STAGE/backup/MANIFEST"
tar -C "$STAGE" -czf "$out" backup
log "backup written to $out ($(du -h "$out" | cut -f1))"
echo "$out"
