#!/usr/bin/env bash
# Load, fault and start-up figures for one PprrBot instance (docs/performance.md, "Load").
# Builds the bot and the load rig in Release, then the rig starts the bot (local-development mode, a temporary
# SQLite file, 127.0.0.1 only), a stand-in connector and the driver. Needs only the .NET SDK (global.json).
# Usage: bench/load/run.sh [--seconds 5] [--connections 1,10,50] [--faults true|false]
#        [--kill-run true [--kill-submits 300]]  (SIGKILL mid-burst of routed questions, restart; default off)
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v dotnet >/dev/null; then
  echo "The .NET SDK named in global.json is needed (https://dot.net); the harness installs nothing else." >&2
  exit 2
fi

dotnet build -c Release src/PprrBot -v quiet -nologo
dotnet build -c Release bench/load/PprrBot.LoadRig -v quiet -nologo
exec dotnet bench/load/PprrBot.LoadRig/bin/Release/net10.0/PprrBot.LoadRig.dll \
  --bot-dll "$PWD/src/PprrBot/bin/Release/net10.0/pprrbot.dll" "$@"
