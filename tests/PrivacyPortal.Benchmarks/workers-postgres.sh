#!/usr/bin/env bash
# Acknowledgement-type notices per second from an outbox on PostgreSQL with one worker and with two (each its own
# claims, database connections and SMTP connection), to Debian's aiosmtpd on loopback, taking turns in one run.
# Usage: tests/PrivacyPortal.Benchmarks/workers-postgres.sh [COUNT=2000] [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-2000}"; runs="${2:-5}"
source scripts/test-postgres.sh
port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Sink >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; portal_pg_stop' EXIT
portal_pg_start
dotnet build tests/PrivacyPortal.Benchmarks -c Release -nologo -v quiet | grep -E 'error|warn' && exit 1
password=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$PORTAL_TEST_POSTGRES"); pgport=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$PORTAL_TEST_POSTGRES")
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $count notices per run, $runs runs"
measure() {
  local db="bench_$1_$2"
  psql "postgresql://portal:$password@127.0.0.1:$pgport/postgres" -qc "CREATE DATABASE $db" >/dev/null
  dotnet tests/PrivacyPortal.Benchmarks/bin/Release/net10.0/PrivacyPortal.Benchmarks.dll notices --port "$port" --count "$count" \
    --seeds "$PWD/seeds" --connection "${PORTAL_TEST_POSTGRES%Database=postgres}Database=$db" --workers "$2" | grep 'notices/s'
}
ratios=()
for run in $(seq 1 "$runs"); do
  if [ $((run % 2)) -eq 1 ]; then one=$(measure "$run" 1); two=$(measure "$run" 2); else two=$(measure "$run" 2); one=$(measure "$run" 1); fi
  a=$(sed -E 's/.*= ([0-9]+) notices\/s.*/\1/' <<<"$one"); b=$(sed -E 's/.*= ([0-9]+) notices\/s.*/\1/' <<<"$two")
  ratio=$(/usr/bin/python3 -c "print(f'{$b/$a:.2f}')"); ratios+=("$ratio")
  echo "run $run: $one | $two | two/one ${ratio}x"
done
echo "median two/one: $(printf '%s\n' "${ratios[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")x (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
