#!/usr/bin/env bash
# The pages at the study's size (issue 27): seeds a data directory once (demo --scans 1614 --seed 23, the short training
# run, five more lead and reviewer accounts), then runs the page benchmark in Chromium against the built app: every lead
# and reviewer page and each rater's worklist, cold and warm, with 1 and with 10 signed-in users, and the server's RSS.
# Usage: scripts/bench-pages.sh [DATA_DIR] (default /tmp/blendsign-bench-pages; kept for the next run).
# BLENDSIGN_BENCH_APP=path/to/BlendSign.Web.dll measures another build on the same data (a baseline).
# The table lands in artifacts/benchmarks/pages.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
data="${1:-/tmp/blendsign-bench-pages}"
password="${BLENDSIGN_BENCH_PASSWORD:-Demo-password-1}"
dotnet build BlendSign.sln -c Release --no-restore -v q -nologo
app=(dotnet src/BlendSign.Web/bin/Release/net10.0/BlendSign.Web.dll)
export BlendSign__DataDirectory="$data" BlendSign__DemoPassword="$password"
if [[ ! -f "$data/.bench-pages-seeded" ]]; then
    mkdir -p "$data"
    "${app[@]}" demo --scans 1614 --seed 23
    "${app[@]}" train --folds 2 --epochs 1 --image-size 32 --no-skd
    for user in bench-lead-2 bench-lead-3 bench-lead-4; do echo "$password" | "${app[@]}" users add "$user" --role lead; done
    for user in bench-reviewer-2 bench-reviewer-3; do echo "$password" | "${app[@]}" users add "$user" --role reviewer; done
    touch "$data/.bench-pages-seeded"
fi
BLENDSIGN_BENCH_DATA="$data" BLENDSIGN_BENCH_PASSWORD="$password" dotnet test tests/BlendSign.EndToEnd.Tests -c Release --no-build \
    --filter "FullyQualifiedName~PagesBenchmark" --logger "console;verbosity=normal"
cat artifacts/benchmarks/pages.md
