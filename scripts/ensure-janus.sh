#!/usr/bin/env bash
# Makes sure the Janus WebRTC Server (Debian/Ubuntu package `janus`, 1.1.x) is installed: the
# product starts its own Janus (packages/server/src/media/janus-supervisor.ts) and the Janus
# integration tests (*.int.test.ts) need it. Used by `npm run test:all` and, when run as root on
# Debian/Ubuntu, by the server's start when Janus is missing.
#
# The package also installs a `janus` system service with the sample configuration (well-known
# secrets, API on every interface): Tablehop does not use it, so it is stopped and disabled.
set -euo pipefail

# `janus -V` prints the version but its exit code is not 0; look at what it says.
installed() { case "$(janus -V 2>&1 || true)" in *"Janus version"*) return 0 ;; *) return 1 ;; esac; }

if installed; then
  exit 0
fi

if [ ! -r /etc/debian_version ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-janus: Janus is not installed and this is not Debian/Ubuntu." >&2
  echo "Install Janus 1.x (https://github.com/meetecho/janus-gateway) so that 'janus' is on PATH, set JANUS_URLS, or TABLEHOP_MEDIA=off." >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-janus: run as root, or install it yourself: apt-get install -y janus" >&2
    exit 1
  fi
fi

install() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends janus; }
echo "ensure-janus: installing janus with apt-get"
if ! install; then
  $SUDO apt-get update
  install
fi

if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  $SUDO systemctl disable --now janus.service >/dev/null 2>&1 || true
fi

if ! installed; then
  echo "ensure-janus: janus still does not run after installing it" >&2
  exit 1
fi
echo "ensure-janus: $(janus -V 2>&1 | sed -n 1p || true)"
