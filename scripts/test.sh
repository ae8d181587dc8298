#!/usr/bin/env bash
# Installs what the tests need and runs every test of the solution (unit, component, server and browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh --tests
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build BlendSign.sln -c Release --no-restore -v q -nologo

results="$(mktemp -d)"
postgres="$(mktemp -d /tmp/blendsign-postgres.XXXXXX)"
trap 'scripts/postgres-cluster.sh stop "$postgres"' EXIT
# The data and web integration tests run twice: on SQLite (with the rest) and on a throw-away PostgreSQL cluster.
postgres_connection="$(scripts/postgres-cluster.sh start "$postgres")"
echo "PostgreSQL for the tests: ${postgres_connection%%;Username*}"

# Tests that always need PostgreSQL (several web nodes on one database) find the cluster here in both passes.
export BLENDSIGN_TEST_POSTGRES="$postgres_connection"

status=0
# Each project on its own, through dotnet-test-isolated.sh: a native crash in one test is that test's failure, by name,
# and the project's other tests still run.
for project in tests/*/*.csproj; do
  scripts/dotnet-test-isolated.sh "$project" "$results" -c Release --no-build \
    --logger "trx" --logger "console;verbosity=normal" || status=$?
done
for project in tests/BlendSign.Data.Tests tests/BlendSign.Web.Tests; do
  BLENDSIGN_TEST_DATABASE=postgres scripts/dotnet-test-isolated.sh "$project" "$results" -c Release --no-build \
    --logger "trx;LogFilePrefix=postgres" --logger "console;verbosity=normal" || status=$?
done

# One closing line over all test projects, summed from the TRX files.
sum_trx_counters() {
  local passed=0 failed=0 skipped=0 file counters
  for file in "$results"/*.trx; do
    [[ -f "$file" ]] || continue
    counters="$(grep -o '<Counters [^>]*>' "$file" | head -n 1)"
    passed=$((passed + $(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")))
    failed=$((failed + $(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")))
    # VSTest counts a skipped test in total but not in executed (its notExecuted counter stays 0).
    skipped=$((skipped + $(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters") - $(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")))
  done
  # Tests whose host died under them have no result in any TRX file.
  [[ -f "$results/crashed.txt" ]] && failed=$((failed + $(wc -l <"$results/crashed.txt")))
  echo "$passed passed, $failed failed, $skipped skipped"
}
sum_trx_counters
rm -rf "$results"
exit "$status"
