#!/usr/bin/env bash
# npm run bench:media — builds the web app, then runs bench/bench-media.ts inside a fresh isolated
# network namespace (scripts/e2e-netns.sh). Needs root, Debian's chromium and janus.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v janus >/dev/null || { echo "bench:media: Janus is missing (apt-get install -y janus)" >&2; exit 2; }
npm run build --workspace @tablehop/web --silent >/dev/null
exec bash scripts/e2e-netns.sh npx tsx bench/bench-media.ts "$@"
