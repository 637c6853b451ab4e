#!/usr/bin/env bash
# npm run e2e:golden — the golden scenario (organizer, registrations, waiting list, live event with two
# rounds, follow-up) in real Chromium against the real product, its own Janus and an SMTP mailbox:
# e2e/golden.e2e.ts inside a fresh isolated network namespace (scripts/e2e-netns.sh). Writes a PNG of
# every main screen to artifacts/screenshots/ and fails on serious/critical axe violations.
# The web app is built into a private folder that only this run sees at packages/web/dist (a bind
# mount in its own mount namespace): a rebuild by someone else meanwhile cannot pull its chunks away,
# and this run does not touch theirs. Needs root, Debian's chromium and janus.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v janus >/dev/null || { echo "e2e:golden: Janus is missing (apt-get install -y janus)" >&2; exit 2; }
command -v unshare >/dev/null || { echo "e2e:golden: 'unshare' (util-linux) is missing" >&2; exit 2; }
bash scripts/ensure-chromium.sh e2e:golden
web="$(mktemp -d /tmp/tablehop-golden-web.XXXXXX)"
trap 'rm -rf "$web"' EXIT
(cd packages/web && npx vite build --outDir "$web" --emptyOutDir --logLevel error >/dev/null)
mkdir -p packages/web/dist # the mount point
status=0
bash scripts/e2e-netns.sh unshare --mount --propagation private \
  bash -c 'mount --bind "$0" packages/web/dist && exec npx tsx e2e/golden.e2e.ts "$@"' "$web" "$@" || status=$?
exit $status
