#!/usr/bin/env bash
# npm run e2e:media — builds the web app, then runs e2e/media.e2e.ts and e2e/moderator.e2e.ts (real
# Chromium, the real product and its own Janus) inside a fresh isolated network namespace
# (scripts/e2e-netns.sh). Needs root, Debian's chromium and janus. `E2E_ONLY=media|moderator` runs one.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v janus >/dev/null || { echo "e2e:media: Janus is missing (apt-get install -y janus)" >&2; exit 2; }
bash scripts/ensure-chromium.sh e2e:media
npm run build --workspace @tablehop/web --silent >/dev/null
case "${E2E_ONLY:-all}" in
  media) tests="e2e/media.e2e.ts" ;;
  moderator) tests="e2e/moderator.e2e.ts" ;;
  *) tests="e2e/media.e2e.ts e2e/moderator.e2e.ts" ;;
esac
# One namespace for all: each test starts its own product and Janus on free ports.
exec bash scripts/e2e-netns.sh bash -c 'for t in $1; do npx tsx "$t" || exit 1; done' e2e-media "$tests"
