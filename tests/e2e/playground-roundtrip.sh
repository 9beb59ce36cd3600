#!/usr/bin/env bash
# End to end through the Microsoft 365 Agents Playground, bound to loopback. Called by .ci/run.
# Needs node 20+, npm and the .NET SDK; uses ../shared/tools/force-loopback.js (CI only, never at run time).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
preload="$(cd "$repo/.." && pwd)/shared/tools/force-loopback.js"
if [[ ! -f "$preload" ]]; then
  echo "playground-roundtrip: $preload not found; the Playground would listen on every interface, so not starting it." >&2
  exit 1
fi
cd "$here"
npm ci --no-audit --no-fund --loglevel=error
REPO_ROOT="$repo" FORCE_LOOPBACK_PRELOAD="$preload" node --experimental-websocket --no-warnings playground-roundtrip.mjs
