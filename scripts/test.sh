#!/usr/bin/env bash
# Runs the whole test suite (domain, web, CLI, browser) and ends with one line "N passed, N failed".
# Test output (TRX files, screenshots) goes to ./TestResults.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh test || exit 1

# A throwaway PostgreSQL for the provider-sensitive tests; removed on any exit.
source scripts/test-postgres.sh
trap portal_pg_stop EXIT
trap 'exit 130' INT TERM
if ! portal_pg_start; then
  echo "0 passed, 1 failed"
  exit 1
fi

results="$PWD/TestResults"
rm -rf "$results"
mkdir -p "$results"
export PORTAL_TEST_OUTPUT="$results"
# Hundreds of test hosts start and stop; inotify watchers for settings files and static assets would exhaust the
# per-user limit (128 on Debian). Tests need no file watching: poll instead, and do not reload settings.
export DOTNET_USE_POLLING_FILE_WATCHER=true
export DOTNET_hostBuilder__reloadConfigOnChange=false

dotnet build PrivacyPortal.sln -c Release -nologo -v quiet
build=$?
if [ $build -ne 0 ]; then
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test PrivacyPortal.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results"
status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then
  failed=1   # the run failed without a failed test (a crashed test host, say): never report green
fi
echo "$passed passed, $failed failed"
[ $status -eq 0 ] && [ $failed -eq 0 ]
