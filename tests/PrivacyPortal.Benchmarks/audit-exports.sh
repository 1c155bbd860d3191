#!/usr/bin/env bash
# The auditor's heavy operations, measured: verifying a chain of EVENTS events (SQLite and PostgreSQL), exporting
# ROWS and 2 x ROWS requests as CSV and JSON Lines (peak memory against an export of no rows), the CSV export against
# PostgreSQL's own COPY (SELECT ...) TO STDOUT WITH CSV of the same columns, and the time to the first byte of an
# export over HTTP. docs/performance.md has the figures.
# Usage: tests/PrivacyPortal.Benchmarks/audit-exports.sh [ROWS=1000000] [EVENTS=1000000] [RUNS=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-1000000}"; events="${2:-1000000}"; runs="${3:-3}"
source scripts/test-postgres.sh
work=$(mktemp -d /tmp/portal-audit-bench.XXXXXX)
portal_pid=""
cleanup() { [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null; portal_pg_stop; rm -rf "$work"; }
trap cleanup EXIT
portal_pg_start
password=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$PORTAL_TEST_POSTGRES")
port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$PORTAL_TEST_POSTGRES")
base="${PORTAL_TEST_POSTGRES%Database=postgres}"
psql_to() { PGPASSWORD="$password" psql -h 127.0.0.1 -p "$port" -U portal -d "$1" -q "${@:2}"; }
psql_to postgres -c 'CREATE DATABASE audit_bench' -c 'CREATE DATABASE audit_bench2'

dotnet build tests/PrivacyPortal.Benchmarks -c Release -nologo -v quiet
dotnet build src/PrivacyPortal.Cli -c Release -nologo -v quiet
dotnet build src/PrivacyPortal.Web -c Release -nologo -v quiet
bench=(dotnet tests/PrivacyPortal.Benchmarks/bin/Release/net10.0/PrivacyPortal.Benchmarks.dll)
portal=(dotnet src/PrivacyPortal.Cli/bin/Release/net10.0/portal.dll)
on_pg() { echo "--Database:Provider=Postgres" "--Database:ConnectionString=${base}Database=$1" "--Portal:DataDirectory=$work/pgdata" "--Portal:ProfilesDirectory=$PWD/seeds"; }
timed() { /usr/bin/time -f "%e s, peak %M KB" "$@" 2>&1 >/dev/null | tail -n 1; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== verify a chain of $events events"
mkdir -p "$work/sqlite"
"${bench[@]}" audit-fill --provider Sqlite --connection "Data Source=$work/sqlite/portal.db" --events "$events"
for _ in $(seq 1 "$runs"); do
  echo "sqlite verify: $(timed "${portal[@]}" audit verify --chain cases "--Portal:DataDirectory=$work/sqlite" "--Portal:ProfilesDirectory=$PWD/seeds")"
done
"${bench[@]}" queue-postgres fill --connection "${base}Database=audit_bench" --rows "$rows"
"${bench[@]}" audit-fill --provider Postgres --connection "${base}Database=audit_bench" --events "$events"
for _ in $(seq 1 "$runs"); do
  echo "postgres verify: $(timed "${portal[@]}" audit verify --chain cases $(on_pg audit_bench))"
done

echo "== export $rows requests from PostgreSQL"
export_args() { echo export requests --from "$2" --to 2030-12-31 --format "$3" --out "$work/out.$3" $(on_pg "$1"); }
echo "no rows (baseline memory): $(timed "${portal[@]}" $(export_args audit_bench 2030-12-31 csv))"
copy_sql='COPY (SELECT r."Reference", r."ControllerId", r."PolicyId", r."Channel", (SELECT string_agg(i."TypeId", '"' '"') FROM "RequestItems" i WHERE i."RequestId" = r."Id"), r."Status", r."Language", r."Agent_FullName" IS NOT NULL, r."ReceivedOn", r."DueOn", r."DueOn" < DATE '"'2026-11-24'"', r."IdentityVerifiedAtUtc", r."Fee_Status", r."Fee_AmountMinor", r."Fee_Currency", r."Fee_PaidOn", r."Extended", r."Outcome", r."DecisionGrounds", r."DecidedAtUtc", r."CompletedAtUtc", r."PurgedAtUtc" FROM "Requests" r WHERE r."ReceivedOn" IS NOT NULL AND r."Status" NOT IN ('"'Draft'"', '"'Discarded'"') ORDER BY r."ReceivedOn", r."Reference") TO STDOUT WITH CSV HEADER'
for _ in $(seq 1 "$runs"); do
  echo "COPY csv (baseline): $(timed bash -c "PGPASSWORD='$password' psql -h 127.0.0.1 -p $port -U portal -d audit_bench -q -c '$(sed "s/'/'\\\\''/g" <<<"$copy_sql")' > $work/copy.csv")"
  echo "portal csv: $(timed "${portal[@]}" $(export_args audit_bench 2019-01-01 csv))"
done
echo "portal jsonl: $(timed "${portal[@]}" $(export_args audit_bench 2019-01-01 jsonl))"
echo "rows: copy $(($(wc -l <"$work/copy.csv") - 1)), portal csv $(($(wc -l <"$work/out.csv") - 1)), jsonl $(wc -l <"$work/out.jsonl")"

echo "== export $((rows * 2)) requests"
"${bench[@]}" queue-postgres fill --connection "${base}Database=audit_bench2" --rows "$((rows * 2))"
echo "portal csv: $(timed "${portal[@]}" $(export_args audit_bench2 2019-01-01 csv))"
echo "portal jsonl: $(timed "${portal[@]}" $(export_args audit_bench2 2019-01-01 jsonl))"

echo "== first byte over HTTP"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=bench key ring" -keyout "$work/k.pem" -out "$work/c.pem" 2>/dev/null
openssl pkcs12 -export -inkey "$work/k.pem" -in "$work/c.pem" -out "$work/keyring.pfx" -passout pass:bench
http_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$http_port"
seeds="$PWD/seeds"
(cd src/PrivacyPortal.Web/bin/Release/net10.0 && ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres \
  Database__ConnectionString="${base}Database=audit_bench" Portal__DataDirectory="$work/web" Portal__PublicBaseUrl="$url" \
  Portal__ProfilesDirectory="$seeds" Worker__Enabled=false DataProtection__CertificatePath="$work/keyring.pfx" \
  DataProtection__CertificatePassword=bench ForwardedHeaders__KnownProxies=127.0.0.1 Serilog__MinimumLevel__Default=Warning \
  exec dotnet PrivacyPortal.Web.dll --urls "$url" >"$work/portal.log" 2>&1) &
portal_pid=$!
for _ in $(seq 1 120); do curl -s -o /dev/null "$url/health" && break; kill -0 "$portal_pid" 2>/dev/null || { tail -30 "$work/portal.log" >&2; exit 1; }; sleep 0.5; done
cookie=$("${bench[@]}" queue-postgres officer --connection "${base}Database=audit_bench" --url "$url" --role auditor)
for _ in $(seq 1 "$runs"); do
  curl -s -o "$work/web.csv" -H "Cookie: $cookie" -H 'X-Forwarded-Proto: https' \
    -w "http csv export: first byte %{time_starttransfer} s, whole %{time_total} s, %{size_download} bytes, status %{http_code}\n" \
    "$url/staff/audit/export?kind=requests&format=csv&from=2019-01-01&to=2030-12-31"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
