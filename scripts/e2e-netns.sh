#!/usr/bin/env bash
# Runs a command inside a fresh, isolated network namespace holding a veth pair (v0 10.213.N.1,
# v1 10.213.N.2), as ../shared/docs/janus-testing.md describes: Janus never gathers ICE candidates
# on loopback, and nothing may leave the machine. The namespace has no route out and is deleted
# afterwards, also when the command fails. Needs root (CI runs as root).
#
#   bash scripts/e2e-netns.sh npx tsx e2e/media.e2e.ts
set -euo pipefail
ulimit -c 0 # no core files from a Janus or Chromium killed at the end
if [ "$(id -u)" != 0 ]; then
  echo "e2e-netns: needs root (ip netns); run as root or under sudo" >&2
  exit 2
fi
command -v ip >/dev/null || { echo "e2e-netns: 'ip' (iproute2) is missing" >&2; exit 2; }
ns="tablehop-e2e-$$-$RANDOM"
subnet=$((RANDOM % 200 + 20))
cleanup() { ip netns delete "$ns" 2>/dev/null || true; }
trap cleanup EXIT INT TERM
ip netns add "$ns"
ip netns exec "$ns" ip link set lo up
ip netns exec "$ns" ip link add v0 type veth peer name v1
ip netns exec "$ns" ip addr add "10.213.$subnet.1/24" dev v0
ip netns exec "$ns" ip addr add "10.213.$subnet.2/24" dev v1
ip netns exec "$ns" ip link set v0 up
ip netns exec "$ns" ip link set v1 up
export TABLEHOP_E2E_NETNS="$ns" JANUS_ICE_INTERFACES="${JANUS_ICE_INTERFACES:-v0}"
status=0
ip netns exec "$ns" "$@" || status=$?
exit $status
