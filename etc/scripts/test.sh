#!/usr/bin/env bash
# Builds HyperCrm and runs every test project (unit, PostgreSQL, web, architecture, browser) against one
# throwaway PostgreSQL cluster, then the fault suite's short forms (chaos.sh --short, and --cluster --short: two instances
# behind nginx, one killed for good; each counted as one test), then prints the
# totals alone on the last line: "N passed, N failed[, N skipped]".
# Exits non-zero when anything failed or no test ran. Leaves nothing running.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=lib/common.sh
source "$ROOT/etc/scripts/lib/common.sh"
cd "$ROOT"
ensure_packages
ensure_redocly "$ROOT"

WORK=$(mktemp -d /tmp/hypercrm-test.XXXXXX)
chmod 755 "$WORK"
PG_DATA="$WORK/pg"
cleanup() {
  pg_stop "$PG_DATA"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${HYPERCRM_TEST_PG:-}" ]; then
  port=$(free_port 56432)
  PG_FSYNC=off pg_start "$PG_DATA" "$port"
  export HYPERCRM_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log "building (warnings are errors)"
dotnet build HyperCrm.sln -c Release -nologo -v q

RESULTS="$WORK/results"
status=0
log "running tests"
dotnet test HyperCrm.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" || status=$?

passed=0 failed=0 skipped=0 files=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(value total); executed=$(value executed); p=$(value passed); f=$(value failed)
  errors=$(value error); timeouts=$(value timeout); aborted=$(value aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${errors:-0} + ${timeouts:-0} + ${aborted:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

# The fault suite's short form (kill -9 mid-load, then every order once, completed, each side effect once): one test.
log "running the fault suite's short form (chaos.sh --short)"
if "$ROOT/etc/scripts/chaos.sh" --short >"$WORK/chaos.out" 2>&1; then
  passed=$((passed + 1))
  grep '^|' "$WORK/chaos.out" | tail -n 1 >&2 || true
else
  failed=$((failed + 1))
  log "chaos.sh --short failed:"
  tail -n 40 "$WORK/chaos.out" >&2
fi

# Two instances on one database behind nginx, app1 killed mid-load for good: app2 finishes everything, each effect once.
log "running the two-instance fault test (chaos.sh --cluster --short)"
if "$ROOT/etc/scripts/chaos.sh" --cluster --short >"$WORK/cluster.out" 2>&1; then
  passed=$((passed + 1))
  grep '^|' "$WORK/cluster.out" | tail -n 1 >&2 || true
else
  failed=$((failed + 1))
  log "chaos.sh --cluster --short failed:"
  tail -n 40 "$WORK/cluster.out" >&2
fi

if [ "$files" -eq 0 ] || [ $((passed + failed)) -eq 0 ]; then
  log "no test ran"
  status=1
fi
[ "$failed" -gt 0 ] && status=1
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
