#!/usr/bin/env bash
# Browser test: the bot, the Microsoft 365 Agents Playground and Debian's Chromium, all on 127.0.0.1.
# Screenshots and the bot's and Playground's logs go to .ci/out/screenshots/. Needs ../shared beside the repo
# (tools/force-loopback.js) and, when Chromium is missing, root for apt-get. UPDATE_DOC_SCREENSHOTS=1 also refreshes
# the committed screenshots in docs/screenshots/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if [[ ! -x /usr/bin/chromium ]]; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
if [[ ! -d "$here/node_modules/playwright-core" || ! -d "$here/node_modules/@microsoft/m365agentsplayground" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

dotnet build "$repo/src/PprrBot" --nologo -v quiet
cd "$here" && node --test
