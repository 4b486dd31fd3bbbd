#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what the tests need, builds, tests, and prints
# one closing line "N passed, N failed" counted from the TRX result files. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

results=.artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

bash scripts/install-tools.sh || { echo "installing kubectl and helm failed"; echo "0 passed, 1 failed"; exit 1; }
bash scripts/install-test-deps.sh || { echo "installing the test packages (sshd, git, chromium, chromedriver) failed"; echo "0 passed, 1 failed"; exit 1; }

status=0
dotnet build OCore.sln --configuration Release || status=$?
if [ "$status" -eq 0 ]; then
    # One project at a time, each to its own TRX file: test servers never compete for the 2 cores, and no two
    # result files can share a timestamped name.
    for project in tests/*/*.Tests.csproj; do
        name=$(basename "$project" .csproj)
        dotnet test "$project" --configuration Release --no-build \
            --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=$?
    done
fi

passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # The build or a test host failed before any result was written: count it so the run cannot look green.
    failed=1
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
