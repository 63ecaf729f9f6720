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

# pg_start DATA_DIR PORT [PASSWORD]: creates the cluster on first use (trust auth when no password), starts it (PG_OPTIONS: more
# server settings, as -c name=value).
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
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c max_connections=300 -c shared_buffers=256MB -c fsync=${PG_FSYNC:-on} ${PG_OPTIONS:-}" \
    start >/dev/null
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

# local_database DATA: run.sh's own PostgreSQL under DATA/pg (made on first use, on a free port kept in DATA/pg-port,
# with a password in DATA/pg-password) and its database "hypercrm"; exports ConnectionStrings__Default for it.
local_database() {
  local data=$1 port
  [ -f "$data/pg-password" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$data/pg-password")
  port=$(cat "$data/pg-port" 2>/dev/null || free_port 55432)
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && [ ! -f "$data/pg/postmaster.pid" ]; then port=$(free_port $((port + 1))); fi
  echo "$port" >"$data/pg-port"
  pg_start "$data/pg" "$port" "$(cat "$data/pg-password")"
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres;Password=$(cat "$data/pg-password")"
  as_postgres psql -h "$data/pg" -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname='hypercrm'" | grep -q 1 \
    || as_postgres psql -h "$data/pg" -p "$port" -qc "CREATE DATABASE hypercrm"
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Database=hypercrm;Username=postgres;Password=$(cat "$data/pg-password")"
}

# local_secrets DATA: the sandbox's Standard Webhooks secrets and the Data Protection certificate, made once under DATA
# (never in git), exported as the app's settings unless already set.
local_secrets() {
  local data=$1 secrets name
  # Standard Webhooks secrets of the sandbox shop ("demo"), courier ("sandbox") and payment gateway ("payments"): made
  # once, kept with the data (a secret an older installation lacks is added).
  secrets="$data/webhook-secrets"
  ( umask 077; touch "$secrets" )
  for name in demo sandbox payments; do
    grep -q "^$name=" "$secrets" || printf '%s=whsec_%s\n' "$name" "$(head -c 32 /dev/urandom | base64 -w0)" >> "$secrets"
  done
  export Webhooks__Inbound__Shops__demo__Secret="${Webhooks__Inbound__Shops__demo__Secret:-$(sed -n 's/^demo=//p' "$secrets")}"
  export Webhooks__Inbound__Couriers__sandbox__Secret="${Webhooks__Inbound__Couriers__sandbox__Secret:-$(sed -n 's/^sandbox=//p' "$secrets")}"
  export Webhooks__Inbound__Payments__sandbox__Secret="${Webhooks__Inbound__Payments__sandbox__Secret:-$(sed -n 's/^payments=//p' "$secrets")}"
  # The certificate that encrypts the Data Protection key ring in the database: made once, kept with the data (never in git).
  if [ -z "${DataProtection__CertificatePath:-}" ]; then
    if [ ! -s "$data/dataprotection.pfx" ]; then
      ( umask 077
        head -c 24 /dev/urandom | base64 -w0 > "$data/dataprotection.password"
        openssl req -x509 -newkey rsa:3072 -sha256 -days 3650 -nodes -subj "/CN=HyperCrm Data Protection" \
          -keyout "$data/dataprotection.key" -out "$data/dataprotection.crt" 2>/dev/null
        openssl pkcs12 -export -inkey "$data/dataprotection.key" -in "$data/dataprotection.crt" -out "$data/dataprotection.pfx" \
          -passout "file:$data/dataprotection.password"
        rm -f "$data/dataprotection.key" )
      log "made the Data Protection certificate in $data/dataprotection.pfx"
    fi
    export DataProtection__CertificatePath="$data/dataprotection.pfx"
    export DataProtection__CertificatePassword="$(cat "$data/dataprotection.password")"
  fi
}

# ensure_nginx: Debian's nginx package (only the binary is used: each cluster runs its own nginx with its own config,
# the system's service is left as it is).
ensure_nginx() {
  if ! [ -x /usr/sbin/nginx ]; then
    log "installing: nginx"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nginx-light >/dev/null 2>&1 \
      || DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nginx >/dev/null
  fi
}

# nginx_start DIR PORT UPSTREAM... [--sandbox URL]: nginx on 127.0.0.1:PORT in front of the app instances (host:port each),
# from etc/deploy/nginx.conf.template; /sandbox goes to URL when given. Its files live in DIR. nginx_stop DIR stops it.
nginx_start() {
  local dir=$1 port=$2 upstreams="" sandbox="" template
  shift 2
  while [ $# -gt 0 ]; do
    if [ "$1" = "--sandbox" ]; then sandbox="location /sandbox { proxy_pass $2; proxy_set_header Host \$host:\$server_port; }"; shift 2
    else upstreams="${upstreams}server $1 max_fails=1 fail_timeout=5s; "; shift; fi
  done
  template="$(dirname "${BASH_SOURCE[0]}")/../../deploy/nginx.conf.template"
  mkdir -p "$dir"
  sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" -e "s|@UPSTREAMS@|$upstreams|" -e "s|@SANDBOX@|$sandbox|" "$template" >"$dir/nginx.conf"
  as_root /usr/sbin/nginx -t -q -c "$dir/nginx.conf" -p "$dir" -g 'daemon on;' \
    || { log "the nginx configuration in $dir/nginx.conf is not valid"; return 1; }
  as_root /usr/sbin/nginx -c "$dir/nginx.conf" -p "$dir" -g 'daemon on;'
  log "nginx on 127.0.0.1:$port in front of:$(printf ' %s' "$upstreams" | sed 's/ max_fails=1 fail_timeout=5s;//g; s/server//g')"
}

nginx_stop() {
  local dir=$1
  [ -f "$dir/nginx.pid" ] && as_root /usr/sbin/nginx -c "$dir/nginx.conf" -p "$dir" -s quit 2>/dev/null || true
}
