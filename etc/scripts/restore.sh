#!/usr/bin/env bash
# Restores a backup made by backup.sh: the database (pg_restore of the custom-format dump) and, under .data, the Data
# Protection certificate and its password, the inbound webhook secrets and the sandbox's world, so run.sh starts on it
# with every order, rule and secret as they were.
#   ./etc/scripts/restore.sh BACKUP.tar.gz [--force]
# The target is ConnectionStrings__Default when set, else run.sh's local cluster under .data (HYPERCRM_DATA), created when
# missing and stopped again afterwards. The target database must not exist (or be empty) unless --force, which drops it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=lib/common.sh
source "$ROOT/etc/scripts/lib/common.sh"
DATA=${HYPERCRM_DATA:-$ROOT/.data}
archive="" force=""
while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=1; shift ;;
    -*) log "unknown option $1"; exit 2 ;;
    *) archive=$1; shift ;;
  esac
done
[ -f "$archive" ] || { log "usage: restore.sh BACKUP.tar.gz [--force]"; exit 2; }
ensure_packages
umask 077
STAGE=$(mktemp -d /tmp/hypercrm-restore.XXXXXX)
chmod 755 "$STAGE"
started=""
cleanup() {
  [ -n "$started" ] && pg_stop "$DATA/pg"
  rm -rf "$STAGE"
}
trap cleanup EXIT
tar -C "$STAGE" -xzf "$archive"
[ -f "$STAGE/backup/hypercrm.dump" ] || { log "$archive holds no hypercrm.dump"; exit 1; }
mkdir -p "$DATA"

# The secrets first: run.sh makes new ones when they are missing, and those could not read the restored key ring.
[ -f "$STAGE/backup/dataprotection.pfx" ] && cp "$STAGE/backup/dataprotection.pfx" "$DATA/dataprotection.pfx"
[ -f "$STAGE/backup/dataprotection.password" ] && cp "$STAGE/backup/dataprotection.password" "$DATA/dataprotection.password"
[ -f "$STAGE/backup/webhook-secrets" ] && cp "$STAGE/backup/webhook-secrets" "$DATA/webhook-secrets"
if [ -d "$STAGE/backup/sandbox" ]; then rm -rf "$DATA/sandbox"; cp -r "$STAGE/backup/sandbox" "$DATA/sandbox"; fi

if [ -z "${ConnectionStrings__Default:-}" ] && [ ! -f "$DATA/pg-password" ]; then head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$DATA/pg-password"; fi
pg_connection_env
if [ -z "${ConnectionStrings__Default:-}" ] && [ ! -f "$DATA/pg/postmaster.pid" ]; then
  echo "$PGPORT" >"$DATA/pg-port"
  pg_start "$DATA/pg" "$PGPORT" "$PGPASSWORD"
  started=1
fi
psql_admin() { as_postgres env PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" PGPASSWORD="$PGPASSWORD" "$(pg_bin_dir)/psql" -d postgres -tA "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$PGDATABASE'")" = "1" ]; then
  tables=$(as_postgres env PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" PGPASSWORD="$PGPASSWORD" "$(pg_bin_dir)/psql" \
    -d "$PGDATABASE" -tAc "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
  if [ "$tables" != "0" ] && [ -z "$force" ]; then
    log "$PGDATABASE already has $tables tables; restore with --force to replace it"
    exit 1
  fi
  psql_admin -qc "DROP DATABASE \"$PGDATABASE\" WITH (FORCE)"
fi
psql_admin -qc "CREATE DATABASE \"$PGDATABASE\""
chown -R postgres "$STAGE/backup"
log "restoring into $PGDATABASE on $PGHOST:$PGPORT"
as_postgres env PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" PGPASSWORD="$PGPASSWORD" \
  "$(pg_bin_dir)/pg_restore" --no-owner --exit-on-error --dbname="$PGDATABASE" "$STAGE/backup/hypercrm.dump"
log "restored $(grep '^HyperCrm backup' "$STAGE/backup/MANIFEST" | cut -d, -f2 | tr -d ' ') into $PGDATABASE"
