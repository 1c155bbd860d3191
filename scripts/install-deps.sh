#!/usr/bin/env bash
# Installs what the portal needs on Debian 12: the .NET SDK, Chromium and the Japanese fonts (PDF letters) for
# everything, and for the tests poppler (reading PDFs back), sqlite3, aiosmtpd (SMTP tests), PostgreSQL and
# docker-compose.
# Usage: scripts/install-deps.sh run|test
set -euo pipefail
purpose="${1:-run}"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "install-deps: need root (or sudo) to run: $*" >&2; exit 1; fi
}

packages=()
command -v dotnet >/dev/null || packages+=(dotnet-sdk-10.0)
# Letters are printed by Chromium with the IPAex fonts, by the running portal as much as by the tests.
command -v chromium >/dev/null || packages+=(chromium)
# scripts/run.sh makes the key-ring certificate with it.
command -v openssl >/dev/null || packages+=(openssl)
[ -e /usr/share/fonts/opentype/ipaexfont-gothic ] || [ -e /usr/share/fonts/truetype/ipaexfont-gothic ] \
  || packages+=(fonts-ipaexfont-gothic fonts-ipaexfont-mincho)
if [ "$purpose" = "test" ]; then
  command -v pdftotext >/dev/null || packages+=(poppler-utils)
  command -v sqlite3 >/dev/null || packages+=(sqlite3)
  # A real SMTP server on loopback for the mail tests (Debian's own python3 has the module).
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || packages+=(python3-aiosmtpd)
  # A throwaway PostgreSQL cluster for the provider-sensitive tests (scripts/test-postgres.sh), pg_dump for the
  # backup test, and docker-compose to validate docker-compose.yml (no container engine is needed for that).
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql)
  command -v pg_dump >/dev/null || packages+=(postgresql-client)
  command -v docker-compose >/dev/null || packages+=(docker-compose)
fi

if [ "${#packages[@]}" -gt 0 ]; then
  echo "install-deps: installing ${packages[*]}"
  as_root apt-get update -qq
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null; then
    echo "install-deps: could not install ${packages[*]}." >&2
    echo "  The .NET 10 SDK comes from Microsoft's Debian package feed (packages.microsoft.com) or dotnet-install.sh." >&2
    exit 1
  fi
fi

if ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "install-deps: the .NET 10 SDK is required (dotnet --list-sdks shows none)." >&2
  exit 1
fi

# Local .NET tools (dotnet-ef for generating migrations), pinned in .config/dotnet-tools.json.
(cd "$(dirname "$0")/.." && dotnet tool restore >/dev/null) || { echo "install-deps: dotnet tool restore failed." >&2; exit 1; }
