#!/usr/bin/env bash
# Builds the Teams app package with a test app id and validates the manifest template and the package's
# manifest against Microsoft's official schema (npm @microsoft/app-manifest), offline.
# Usage: tests/manifest/check-manifest.sh   (from anywhere; needs dotnet and node)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ ! -d "$here/node_modules/@microsoft/app-manifest" || ! -d "$here/node_modules/fs-extra" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

dotnet run --project "$repo/src/PprrBot" --no-launch-profile -- package \
  --app-id 6d3a1b5e-2c47-4f0a-9b8e-1f2a3c4d5e6f --bot-domain pprrbot.example.gov.uk --version 1.0.0 \
  --out "$work/pprrbot.zip"

# The check must be able to fail: a manifest with the old lower-case "groupchat" scope has to be rejected.
sed 's/"groupChat"/"groupchat"/' "$repo/manifest/manifest.json" > "$work/broken-manifest.json"
if node "$here/validate-manifest.js" --source "$work/broken-manifest.json" > "$work/broken.log"; then
  echo "The schema check accepted a manifest with an invalid scope; is the schema being read?" >&2
  exit 1
fi

node "$here/validate-manifest.js" --source "$repo/manifest/manifest.json" --package "$work/pprrbot.zip"
