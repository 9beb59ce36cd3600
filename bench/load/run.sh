#!/usr/bin/env bash
# Load, fault and start-up figures for one PprrBot instance (docs/performance.md, "Load").
# Publishes the bot and builds the load rig in Release, then the rig starts the bot (local-development mode, a temporary
# SQLite file, 127.0.0.1 only), a stand-in connector and the driver. Needs only the .NET SDK (global.json).
# Usage: bench/load/run.sh [--seconds 5] [--connections 1,10,50] [--faults true|false]
#        [--warm-up 10]  (seconds at 10 connections after the first contacts, before the measured phases; 0: none)
#        [--kill-run true [--kill-submits 300]]  (SIGKILL mid-burst of routed questions, restart; default off)
#        [--ready-to-run true]  (publish the bot precompiled; default off)
#        [--start-only 5]  (only start to first answer, 5 times, each on a fresh empty database; no load runs)
#        [--restart true]  (with --start-only: then each bot, once ready, restarted on its database and timed again)
#        [--compare <git revision> [--rounds 4]]  (this tree against that revision's bot, in alternating rounds of the
#                                                  first contacts and the phases; medians per phase; no fault runs)
#        [--compare-env "Key=Value;..."]  (settings for the compared bot only: --compare HEAD --compare-env ... compares settings)
set -euo pipefail
if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
  echo "Also: --port 39780 (the bot's port; the kill run uses port + 1), --conversations 3000, --bot-env 'Key=Value;Key=Value'"
  exit 0
fi
cd "$(dirname "$0")/../.."

if ! command -v dotnet >/dev/null; then
  echo "The .NET SDK named in global.json is needed (https://dot.net); the harness installs nothing else." >&2
  exit 2
fi

# Published as a deployment would be (framework-dependent, for this machine's runtime identifier). With
# --ready-to-run true, precompiled (ReadyToRun: less JIT at start, more mapped memory; the first such publish
# fetches the crossgen package from NuGet). docs/performance.md, "Start to first answer", has both.
ready_to_run=false
for ((i = 1; i < $#; i++)); do
  if [[ "${!i}" == "--ready-to-run" ]]; then j=$((i + 1)); ready_to_run="${!j}"; fi
done
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)"
publish="$PWD/bench/load/bin/pprrbot-r2r-$ready_to_run"
dotnet publish src/PprrBot -c Release -r "$rid" --self-contained false -p:PublishReadyToRun="$ready_to_run" \
  -o "$publish" -v quiet -nologo
dotnet build -c Release bench/load/PprrBot.LoadRig -v quiet -nologo

# --compare <revision>: that revision's bot, published the same way from a temporary worktree.
compare=()
for ((i = 1; i < $#; i++)); do
  if [[ "${!i}" == "--compare" ]]; then
    j=$((i + 1)); revision="$(git rev-parse --short "${!j}")"
    other="$PWD/bench/load/bin/compare-$revision-r2r-$ready_to_run"
    if [[ ! -f "$other/pprrbot.dll" ]]; then
      tree="$(mktemp -d)"
      git worktree add --detach "$tree" "$revision" >/dev/null
      dotnet publish "$tree/src/PprrBot" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun="$ready_to_run" \
        -o "$other" -v quiet -nologo
      git worktree remove --force "$tree"
    fi
    compare=(--compare-dll "$other/pprrbot.dll" --compare-label "$revision")
  fi
done

exec dotnet bench/load/PprrBot.LoadRig/bin/Release/net10.0/PprrBot.LoadRig.dll \
  --bot-dll "$publish/pprrbot.dll" "${compare[@]}" "$@"
