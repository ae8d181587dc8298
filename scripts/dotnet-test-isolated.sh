#!/usr/bin/env bash
# Runs one test project so that a native crash costs one test, not the project's run: when the test host dies (a
# libtorch or codec kernel that faults with SIGFPE or SIGSEGV), the test that was running is reported as failed by
# name and the project's other tests run again without it, until a run ends without a crash. The tests say what
# runs (tests/Shared/RunningTestRecorder.cs writes each test's start and end to BLENDSIGN_RUNNING_TEST_FILE).
# Usage: scripts/dotnet-test-isolated.sh PROJECT RESULTS_DIR [dotnet test options...]
# Crashed tests are listed, one per line, in RESULTS_DIR/crashed.txt (test.sh counts them as failed).
set -uo pipefail
project="$1"
results="$2"
shift 2
max_crashes=20

excluded=()
while true; do
  run="$(mktemp -d)"
  filter=()
  if ((${#excluded[@]} > 0)); then
    filter=(--filter "$(printf 'FullyQualifiedName!=%s&' "${excluded[@]}" | sed 's/&$//')")
  fi
  BLENDSIGN_RUNNING_TEST_FILE="$run/running.tsv" dotnet test "$project" "$@" "${filter[@]}" --results-directory "$run"
  status=$?
  # Started and never ended: running when the host died (one test, as the projects that touch libtorch run one at a time).
  mapfile -t running < <(awk -F'\t' '$1 == "start" { n[$2]++ } $1 == "end" { n[$2]-- } END { for (t in n) if (n[t] > 0) print t }' \
    "$run/running.tsv" 2>/dev/null)
  if ((status == 0 || ${#running[@]} == 0)); then
    for trx in "$run"/*.trx; do
      [[ -f "$trx" ]] && mv "$trx" "$(mktemp -u "$results/XXXXXX")-$(basename "$trx")"
    done
    rm -rf "$run"
    break
  fi

  rm -rf "$run"
  for test in "${running[@]}"; do
    echo "  Failed $test [the test host died while it ran (a native fault); the project's other tests run again without it]"
    echo "$test" >>"$results/crashed.txt"
    excluded+=("$test")
  done
  if ((${#excluded[@]} > max_crashes)); then
    echo "More than $max_crashes tests crashed the test host of $project; stopping." >&2
    break
  fi
done

((${#excluded[@]} == 0)) || exit 1
exit "$status"
