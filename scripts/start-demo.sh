#!/usr/bin/env bash
# Installs what is missing, builds, and starts BlendSign at http://127.0.0.1:5000 with the demo data
# (synthetic scans, the demo accounts and three simulated raters' reads; created on the first start).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/BlendSign.Web -c Release --no-restore -v q -nologo
export BlendSign__Demo="${BlendSign__Demo:-true}"
# The Training page starts from BlendSign:Training. The study's protocol (5 folds, 50 epochs, 512 px) is GPU work; the
# demo's defaults are sized for a CPU (a run of the demo's scans in minutes). Set them to override.
export BlendSign__Training__Folds="${BlendSign__Training__Folds:-3}"
export BlendSign__Training__Epochs="${BlendSign__Training__Epochs:-1}"
export BlendSign__Training__ImageSize="${BlendSign__Training__ImageSize:-64}"
exec dotnet src/BlendSign.Web/bin/Release/net10.0/BlendSign.Web.dll --urls "${BLENDSIGN_URLS:-http://127.0.0.1:5000}" "$@"
