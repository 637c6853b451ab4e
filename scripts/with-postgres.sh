#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL on 127.0.0.1 and TABLEHOP_TEST_DATABASE_URL set to it.
# Installs Debian's postgresql when no server binaries are found (needs root, as in CI).
#   usage: scripts/with-postgres.sh <command> [args...]
set -euo pipefail

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

if ! pg_bin=$(find_pg_bin); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL is not installed. Install it (Debian/Ubuntu: sudo apt-get install -y postgresql) and run again." >&2
    exit 2
  fi
  echo "Installing PostgreSQL (Debian package postgresql)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(find_pg_bin)
fi

dir=$(mktemp -d /tmp/tablehop-pg.XXXXXX)
port=${TABLEHOP_TEST_PG_PORT:-$(( 20000 + RANDOM % 20000 ))}
# PostgreSQL refuses to run as root: as root, run it as the postgres user (or nobody).
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  id postgres >/dev/null 2>&1 || owner=nobody
  chown "$owner" "$dir"
  as_owner=(runuser -u "$owner" --)
fi

cleanup() {
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${as_owner[@]}" "$pg_bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null

export TABLEHOP_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for tests at $TABLEHOP_TEST_DATABASE_URL" >&2
"$@"
