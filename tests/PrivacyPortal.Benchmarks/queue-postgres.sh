#!/usr/bin/env bash
# The case queue on PostgreSQL: EF Core against the same SQL through plain Npgsql, then the queue page over HTTP
# under wrk -c16, against a static file of the same process as the baseline. docs/performance.md has the figures.
# Usage: tests/PrivacyPortal.Benchmarks/queue-postgres.sh [ROWS=1000000] [RUNS=30] [SECONDS=30]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-1000000}"; runs="${2:-30}"; seconds="${3:-30}"
command -v wrk >/dev/null || { echo "queue-postgres: wrk is needed (Debian package wrk)" >&2; exit 1; }
source scripts/test-postgres.sh
work=$(mktemp -d /tmp/portal-queue-bench.XXXXXX)
portal_pid=""
cleanup() { [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null; portal_pg_stop; rm -rf "$work"; }
trap cleanup EXIT
portal_pg_start
base="${PORTAL_TEST_POSTGRES%Database=postgres}"
psql "postgresql://portal:$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$PORTAL_TEST_POSTGRES")@127.0.0.1:$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$PORTAL_TEST_POSTGRES")/postgres" -qc 'CREATE DATABASE queue_bench' >/dev/null
connection="${base}Database=queue_bench"

dotnet build tests/PrivacyPortal.Benchmarks -c Release -nologo -v quiet
dotnet build src/PrivacyPortal.Web -c Release -nologo -v quiet
bench=(dotnet tests/PrivacyPortal.Benchmarks/bin/Release/net10.0/PrivacyPortal.Benchmarks.dll queue-postgres)
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"${bench[@]}" fill --connection "$connection" --rows "$rows"
"${bench[@]}" compare --connection "$connection" --runs "$runs"

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=bench key ring" -keyout "$work/k.pem" -out "$work/c.pem" 2>/dev/null
openssl pkcs12 -export -inkey "$work/k.pem" -in "$work/c.pem" -out "$work/keyring.pfx" -passout pass:bench
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
seeds="$PWD/seeds"
(cd src/PrivacyPortal.Web/bin/Release/net10.0 && ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres \
  Database__ConnectionString="$connection" Portal__DataDirectory="$work/data" Portal__PublicBaseUrl="$url" \
  Portal__ProfilesDirectory="$seeds" Worker__Enabled=false DataProtection__CertificatePath="$work/keyring.pfx" \
  DataProtection__CertificatePassword=bench ForwardedHeaders__KnownProxies=127.0.0.1 Serilog__MinimumLevel__Default=Warning \
  exec dotnet PrivacyPortal.Web.dll --urls "$url" >"$work/portal.log" 2>&1) &
portal_pid=$!
for _ in $(seq 1 120); do curl -s -o /dev/null "$url/health" && break; kill -0 "$portal_pid" 2>/dev/null || { tail -30 "$work/portal.log" >&2; exit 1; }; sleep 0.5; done
cookie=$("${bench[@]}" officer --connection "$connection" --url "$url")
page="$url/staff?controller=netone"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" -H 'X-Forwarded-Proto: https' "$page")" = 200 ] \
  || { echo "queue-postgres: the queue page did not answer 200" >&2; tail -20 "$work/portal.log" >&2; exit 1; }
static=$(ls src/PrivacyPortal.Web/wwwroot/css/*.css | head -n 1 | sed 's|src/PrivacyPortal.Web/wwwroot||')
echo "baseline: wrk -t2 -c16 -d${seconds}s --latency $url$static"
wrk -t2 -c16 -d"${seconds}s" --latency "$url$static" | grep -E 'Requests/sec|^ +(50|90|99)%'
echo "queue page: wrk -t2 -c16 -d${seconds}s --latency $page (signed-in officer)"
wrk -t2 -c16 -d"${seconds}s" --latency -H "Cookie: $cookie" -H 'X-Forwarded-Proto: https' "$page" | grep -E 'Requests/sec|^ +(50|90|99)%|Non-2xx'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
