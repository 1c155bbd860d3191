#!/usr/bin/env bash
# Starts the portal on the embedded default: SQLite in ./data, profiles from ./seeds, http://localhost:5080.
# Extra arguments go to the web host, e.g. --urls http://0.0.0.0:8080
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh run
export Portal__DataDirectory="${Portal__DataDirectory:-$PWD/data}"
export Portal__ProfilesDirectory="${Portal__ProfilesDirectory:-$PWD/seeds}"
# An address given as --urls (or PORTAL_URLS) is where the portal listens; the first one, with a wildcard host read
# as localhost, is where the links in emails (demo requests' included) point, unless Portal__PublicBaseUrl says otherwise.
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    --urls) PORTAL_URLS="${args[$((i + 1))]:-}" ;;
    --urls=*) PORTAL_URLS="${args[$i]#--urls=}" ;;
  esac
done
PORTAL_URLS="${PORTAL_URLS:-http://localhost:5080}"
first_url="${PORTAL_URLS%%;*}"
first_url="$(printf '%s' "$first_url" | sed -E 's#://(0\.0\.0\.0|\+|\*|\[::\])#://localhost#')"
# Links in emails come from this address only (never from a request's Host header).
export Portal__PublicBaseUrl="${Portal__PublicBaseUrl:-$first_url}"
# Embedded default: mail is written to data/mail and listed at /dev/mail, so the confirmation links can be opened.
export Smtp__ShowPickupPage="${Smtp__ShowPickupPage:-true}"
# The key ring (which also protects the document key) is encrypted with a certificate kept outside the data folder,
# made once here: without it the portal refuses to start outside Development.
if [ -z "${DataProtection__CertificatePath:-}" ]; then
  secrets="${PORTAL_SECRETS:-${XDG_CONFIG_HOME:-$HOME/.config}/privacyportal}"
  (umask 077 && mkdir -p "$secrets")
  if [ ! -s "$secrets/keyring.pfx" ]; then
    (
      umask 077
      openssl rand -base64 32 > "$secrets/keyring.password"
      openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=PrivacyPortal key ring" \
        -keyout "$secrets/keyring.key.pem" -out "$secrets/keyring.cert.pem" 2>/dev/null
      openssl pkcs12 -export -inkey "$secrets/keyring.key.pem" -in "$secrets/keyring.cert.pem" \
        -out "$secrets/keyring.pfx" -passout file:"$secrets/keyring.password"
      rm -f "$secrets/keyring.key.pem" "$secrets/keyring.cert.pem"
    )
    echo "PrivacyPortal: made the key-ring certificate $secrets/keyring.pfx (keep it: without it the key ring is lost)"
  fi
  export DataProtection__CertificatePath="$secrets/keyring.pfx"
  DataProtection__CertificatePassword="$(cat "$secrets/keyring.password")"
  export DataProtection__CertificatePassword
fi
# Demo mode: demo staff (password privacy-portal-demo) and one demo request per policy on a new database.
# PORTAL_DEMO=false starts without them.
export Portal__Demo="${PORTAL_DEMO:-true}"
dotnet build src/PrivacyPortal.Web -c Release -nologo -v quiet
echo "PrivacyPortal: $Portal__PublicBaseUrl  (data in $Portal__DataDirectory; mail at /dev/mail; Ctrl+C stops)"
if [ "$Portal__Demo" = "true" ]; then
  echo "DEMO MODE: staff sign in at $Portal__PublicBaseUrl/staff/login as officer.nec@demo.invalid (or officer.netone@, officer.ntt-resonant@,"
  echo "           officer.ntt-smartconnect@, auditor@, admin@demo.invalid) with the password privacy-portal-demo,"
  echo "           then set up an authenticator app. Demo data only: PORTAL_DEMO=false for a portal without it."
fi
exec dotnet run --project src/PrivacyPortal.Web -c Release --no-build --no-launch-profile -- --urls "$PORTAL_URLS" "$@"
