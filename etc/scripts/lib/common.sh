#!/usr/bin/env bash
# Shared helpers for run.sh, test.sh and bench.sh: install what is missing, run a private PostgreSQL cluster.
# A cluster runs as the 'postgres' user (PostgreSQL refuses root), bound to 127.0.0.1 on a free port.

log() { printf '[hypercrm] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# ensure_packages: apt-get installs PostgreSQL, Chromium, curl, openssl and Node (npm) when they are missing (apt-get update first).
ensure_packages() {
  local missing=()
  pg_bin_dir >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if ! command -v dotnet >/dev/null 2>&1; then
    log "the .NET SDK 10 is required (dotnet on PATH); install it from Microsoft's packages and run this again"
    exit 1
  fi
  id postgres >/dev/null 2>&1 || { log "the postgres user is missing even after installing postgresql"; exit 1; }
}

# The Redocly CLI that lints the OpenAPI document in the tests, kept in .tools/ (not committed): 2.77.0 needs Node
# 20.19 or later; an older Node (Debian 12 ships 18) gets the 1.x line.
REDOCLY_VERSION=2.77.0
REDOCLY_VERSION_OLD_NODE=1.34.20

# ensure_redocly ROOT: installs the pinned Redocly CLI into ROOT/.tools/redocly once; exports HYPERCRM_REDOCLY.
ensure_redocly() {
  local dir="$1/.tools/redocly"
  local node_version
  node_version=$(node -p 'process.versions.node' 2>/dev/null || echo 0.0.0)
  if [ "$(printf '%s\n' "$node_version" 20.19.0 | sort -V | head -n 1)" != 20.19.0 ]; then
    REDOCLY_VERSION=$REDOCLY_VERSION_OLD_NODE
  fi
  local bin="$dir/node_modules/.bin/redocly"
  if [ ! -x "$bin" ] || ! grep -q "\"version\": \"$REDOCLY_VERSION\"" "$dir/node_modules/@redocly/cli/package.json" 2>/dev/null; then
    log "installing the Redocly CLI $REDOCLY_VERSION (OpenAPI lint)"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --silent "@redocly/cli@$REDOCLY_VERSION" >/dev/null
  fi
  export HYPERCRM_REDOCLY="$bin"
}

# pg_bin_dir: the newest installed PostgreSQL server's bin directory.
pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

# free_port START: the first TCP port from START on that nothing listens on.
free_port() {
  local port=${1:-55432}
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

# pg_start DATA_DIR PORT [PASSWORD]: creates the cluster on first use (trust auth when no password), starts it.
pg_start() {
  local data=$1 port=$2 password=${3:-} bin
  bin=$(pg_bin_dir)
  if [ ! -f "$data/PG_VERSION" ]; then
    as_root mkdir -p "$data"
    as_root chown postgres:postgres "$data"
    as_root chmod 700 "$data"
    if [ -n "$password" ]; then
      local pwfile
      pwfile=$(mktemp)
      printf '%s\n' "$password" >"$pwfile"
      as_root chown postgres "$pwfile"
      as_postgres "$bin/initdb" -D "$data" -U postgres --auth-local=peer --auth-host=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >/dev/null
      rm -f "$pwfile"
    else
      as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
  fi
  as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c max_connections=300 -c shared_buffers=256MB -c fsync=${PG_FSYNC:-on}" start >/dev/null
  log "PostgreSQL up on 127.0.0.1:$port ($data)"
}

pg_stop() {
  local data=$1 bin
  bin=$(pg_bin_dir) || return 0
  [ -f "$data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

# PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE for the app's database: parsed from ConnectionStrings__Default when set
# (Npgsql's "Host=…;Port=…;Database=…;Username=…;Password=…"), else run.sh's local cluster under $DATA.
pg_connection_env() {
  if [ -n "${ConnectionStrings__Default:-}" ]; then
    local part key value
    PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGPASSWORD="" PGDATABASE=postgres
    IFS=';' read -ra parts <<<"$ConnectionStrings__Default"
    for part in "${parts[@]}"; do
      key=$(printf '%s' "${part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')
      value=${part#*=}
      case "$key" in
        host|server) PGHOST=$value ;;
        port) PGPORT=$value ;;
        username|userid|user) PGUSER=$value ;;
        password) PGPASSWORD=$value ;;
        database) PGDATABASE=$value ;;
      esac
    done
  else
    PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=hypercrm
    PGPORT=$(cat "$DATA/pg-port" 2>/dev/null || free_port 55432)
    PGPASSWORD=$(cat "$DATA/pg-password" 2>/dev/null || true)
  fi
  export PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE
}
