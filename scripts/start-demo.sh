#!/usr/bin/env bash
# Installs what is missing, builds, and starts BlendSign at http://127.0.0.1:5000 with the demo data
# (synthetic scans, the demo accounts and three simulated raters' reads; created on the first start).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/BlendSign.Web -c Release --no-restore -v q -nologo
export BlendSign__Demo="${BlendSign__Demo:-true}"
# The Training page starts from BlendSign:Training. Where unset, folds, epochs and image size follow the device: the
# study's protocol (5 folds, 50 epochs, 512 px) with a GPU, the CPU defaults that learn on the demo without one.
exec dotnet src/BlendSign.Web/bin/Release/net10.0/BlendSign.Web.dll --urls "${BLENDSIGN_URLS:-http://127.0.0.1:5000}" "$@"
