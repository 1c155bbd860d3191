#!/usr/bin/env bash
# Starts the portal on the embedded default: SQLite in ./data, profiles from ./seeds, http://localhost:5080.
# Extra arguments go to the web host, e.g. --urls http://0.0.0.0:8080
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh run
export Portal__DataDirectory="${Portal__DataDirectory:-$PWD/data}"
export Portal__ProfilesDirectory="${Portal__ProfilesDirectory:-$PWD/seeds}"
# Embedded default: mail is written to data/mail and listed at /dev/mail, so the confirmation links can be opened.
export Smtp__ShowPickupPage="${Smtp__ShowPickupPage:-true}"
dotnet build src/PrivacyPortal.Web -c Release -nologo -v quiet
echo "PrivacyPortal: http://localhost:5080  (data in $Portal__DataDirectory; mail at /dev/mail; Ctrl+C stops)"
exec dotnet run --project src/PrivacyPortal.Web -c Release --no-build --no-launch-profile -- --urls "${PORTAL_URLS:-http://localhost:5080}" "$@"
