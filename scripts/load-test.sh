#!/usr/bin/env bash
# The load test of README.md ("Load test") end to end, on a scratch data directory that is deleted afterwards:
# starts the built server with the demo (and, for postgres, a throw-away PostgreSQL cluster), runs `bench load` for each
# rater count, restarting the server before each run, and prints one `bench load --json` document per run.
# Before each measured run a warm-up run (--warmup-seconds, 10; 0: none) against the same server, not reported: the first
# saves after a start pay for JIT compilation and cold caches, which would otherwise dominate a short run's p99.
#   scripts/load-test.sh [--provider sqlite|postgres] [--raters "10 50 100"] [--seconds 30] [--think-ms 0] [--scans 40]
#                        [--warmup-seconds 10]
set -euo pipefail
cd "$(dirname "$0")/.."

provider=sqlite raters="10 50 100" seconds=30 think=0 scans=40 warmup=10
while (($#)); do
  case "$1" in
    --provider) provider="$2"; shift 2 ;;
    --raters) raters="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --think-ms) think="$2"; shift 2 ;;
    --scans) scans="$2"; shift 2 ;;
    --warmup-seconds) warmup="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

app=src/BlendSign.Web/bin/Release/net10.0/BlendSign.Web.dll
[[ -f "$app" ]] || dotnet build src/BlendSign.Web -c Release -v q -nologo >&2
scratch="$(mktemp -d /tmp/blendsign-load.XXXXXX)"
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  scripts/postgres-cluster.sh stop "$postgres" >/dev/null 2>&1 || true
  rm -rf "$scratch" "$postgres"
}
trap cleanup EXIT

export BlendSign__DataDirectory="$scratch/data" BlendSign__DatabaseProvider="$provider" BlendSign__DemoScans="$scans"
export BlendSign__DemoPassword='Load-test-password-1' BlendSign__Training__InProcessWorker=false
export Logging__LogLevel__Default=Warning DOTNET_CLI_TELEMETRY_OPTOUT=1
postgres="$(mktemp -d /tmp/blendsign-load-postgres.XXXXXX)"
if [[ "$provider" == postgres ]]; then
  connection="$(scripts/postgres-cluster.sh start "$postgres")"
  export ConnectionStrings__BlendSign="$connection"
fi
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

start_server() {
  dotnet "$app" --urls "http://127.0.0.1:$port" >"$scratch/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do
    python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
      "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the server did not start; its log:" >&2
  cat "$scratch/server.log" >&2
  exit 1
}

BlendSign__Demo=true start_server
for n in $raters; do
  kill "$server"; wait "$server" 2>/dev/null || true
  start_server
  if ((warmup > 0)); then
    dotnet "$app" bench load --url "http://127.0.0.1:$port" --raters "$n" --seconds "$warmup" --think-ms "$think" \
      --json >/dev/null 2>>"$scratch/bench.log"
  fi
  echo "== $provider, $n raters, ${seconds} s, think ${think} ms, after a ${warmup} s warm-up" >&2
  dotnet "$app" bench load --url "http://127.0.0.1:$port" --raters "$n" --seconds "$seconds" --think-ms "$think" \
    --pid "$server" --json 2>>"$scratch/bench.log"
done
