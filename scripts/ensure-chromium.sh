#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the browser tests (e2e:media, e2e:golden, bench:media):
# installs the `chromium` package when running as root, otherwise says what to install.
#   bash scripts/ensure-chromium.sh <name of the caller, for the message>
set -euo pipefail
who="${1:-e2e}"
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "$who: Chromium is missing (Debian/Ubuntu: sudo apt-get install -y chromium)" >&2
    exit 2
  fi
  echo "Installing Chromium (Debian package chromium)..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
