#!/usr/bin/env bash
# Notices per second through the portal's real dispatcher (compose, send, mark sent, audit; SQLite outbox) against
# Python's smtplib sending as many similar messages over one connection, both to Debian's aiosmtpd on loopback,
# alternating in one run. Prints each pair and its ratio, then the median ratio.
# Usage: tests/PrivacyPortal.Benchmarks/notices-vs-smtplib.sh [COUNT=2000] [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-2000}"; runs="${2:-5}"
maildir="$(mktemp -d)"; mkdir -p "$maildir"/{tmp,new,cur}
port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$maildir" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$maildir"' EXIT
dotnet build tests/PrivacyPortal.Benchmarks -c Release -nologo -v quiet | grep -E 'error|warn' && exit 1
until /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1',$port))" 2>/dev/null; do sleep 0.1; done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $count messages per run, $runs runs"
ratios=()
python_run() { rm -f "$maildir"/new/*; /usr/bin/python3 tests/PrivacyPortal.Benchmarks/smtplib_baseline.py "$port" "$count"; }
portal_run() {
  rm -f "$maildir"/new/*
  dotnet tests/PrivacyPortal.Benchmarks/bin/Release/net10.0/PrivacyPortal.Benchmarks.dll notices --port "$port" --count "$count" --seeds "$PWD/seeds" | grep 'notices/s'
}
for run in $(seq 1 "$runs"); do
  # Each measurement starts with an empty Maildir, and the two take turns going first.
  if [ $((run % 2)) -eq 1 ]; then base=$(python_run); portal=$(portal_run); else portal=$(portal_run); base=$(python_run); fi
  b=$(sed -E 's/.*= ([0-9]+) messages\/s/\1/' <<<"$base"); p=$(sed -E 's/.*= ([0-9]+) notices\/s/\1/' <<<"$portal")
  ratio=$(/usr/bin/python3 -c "print(f'{$p/$b:.2f}')")
  ratios+=("$ratio")
  echo "run $run: $portal | $base | ratio ${ratio}x"
done
echo "median ratio portal/smtplib: $(printf '%s\n' "${ratios[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")x (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
