#!/usr/bin/env bash
# Starts the portal on the embedded default: SQLite in ./data, profiles from ./seeds, http://localhost:5080.
# Extra arguments go to the web host, e.g. --urls http://0.0.0.0:8080
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh run
export Portal__DataDirectory="${Portal__DataDirectory:-$PWD/data}"
export Portal__ProfilesDirectory="${Portal__ProfilesDirectory:-$PWD/seeds}"
# Links in emails come from this address only (never from a request's Host header).
export Portal__PublicBaseUrl="${Portal__PublicBaseUrl:-${PORTAL_URLS:-http://localhost:5080}}"
# Embedded default: mail is written to data/mail and listed at /dev/mail, so the confirmation links can be opened.
export Smtp__ShowPickupPage="${Smtp__ShowPickupPage:-true}"
# Demo mode: demo staff (password privacy-portal-demo) and one demo request per policy on a new database.
# PORTAL_DEMO=false starts without them.
export Portal__Demo="${PORTAL_DEMO:-true}"
dotnet build src/PrivacyPortal.Web -c Release -nologo -v quiet
echo "PrivacyPortal: http://localhost:5080  (data in $Portal__DataDirectory; mail at /dev/mail; Ctrl+C stops)"
if [ "$Portal__Demo" = "true" ]; then
  echo "DEMO MODE: staff sign in at http://localhost:5080/staff/login as officer.nec@demo.invalid (or officer.netone@, officer.ntt-resonant@,"
  echo "           officer.ntt-smartconnect@, auditor@, admin@demo.invalid) with the password privacy-portal-demo,"
  echo "           then set up an authenticator app. Demo data only: PORTAL_DEMO=false for a portal without it."
fi
exec dotnet run --project src/PrivacyPortal.Web -c Release --no-build --no-launch-profile -- --urls "${PORTAL_URLS:-http://localhost:5080}" "$@"
