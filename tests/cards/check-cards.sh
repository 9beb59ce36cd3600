#!/usr/bin/env bash
# Checks every card type PprrBot sends:
#   1. the C# tests build each card type from the sample data, validate it against the official Adaptive
#      Card 1.5 JSON schema (../shared/schemas, CI-only) and write it to a folder;
#   2. the official adaptivecards npm parser (3.0.6) parses and validates each one: any warning fails.
# With --render it also redraws docs/cards/*.png in headless Chromium (needs `apt-get install -y chromium`).
# Usage: tests/cards/check-cards.sh [--render]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

schema="$root/../shared/schemas/adaptive-card-1.5.json"
if [[ ! -f "$schema" ]]; then
  echo "check-cards: the Adaptive Card 1.5 schema is not at $schema (this check runs where ../shared is present, as in CI)" >&2
  exit 1
fi

out="$root/artifacts/cards"
rm -rf "$out"
mkdir -p "$out"

echo "check-cards: schema check and card export (C#)"
PPRRBOT_CARD_DIR="$out" dotnet test --project tests/PprrBot.Tests -- \
  --filter-class PprrBot.Tests.Cards.CardSchemaTests \
  --filter-class PprrBot.Tests.Cards.CardExportTests

echo "check-cards: adaptivecards parser"
if [[ ! -d "$here/node_modules/adaptivecards" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi
node "$here/validate-cards.mjs" "$out"

if [[ "${1:-}" == "--render" ]]; then
  echo "check-cards: rendering docs/cards"
  node "$here/render-cards.mjs" "$out" "$root/docs/cards"
fi
