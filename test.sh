#!/usr/bin/env bash
# Builds Hearth and runs every test project. Needs only the .NET SDK: NuGet packages are restored, and the Debian
# packages the tests use are installed when missing (gcc builds a stand-in libnvidia-ml; chromium runs the dashboard
# tests; gcc-avr, avr-libc and libsimavr-dev build the Arduino firmware and run it in the simavr emulator; nodejs
# and npm install and run IBM's and Google's official clients; postgresql serves the clustering test, started here
# with a test database).  Ends with one summary line for all projects together: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"

missing=()
command -v cc >/dev/null || missing+=(gcc libc6-dev)
command -v make >/dev/null || missing+=(make)
[ -x /usr/bin/chromium ] || missing+=(chromium chromium-driver)
command -v avr-gcc >/dev/null || missing+=(gcc-avr)
[ -e /usr/lib/avr/include/avr/io.h ] || missing+=(avr-libc)
[ -e /usr/include/simavr/sim_avr.h ] || missing+=(libsimavr-dev)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ -n "${HEARTH_TEST_POSTGRES:-}" ] || command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} for the tests…"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# IBM's and Google's official npm clients, which the compatibility tests drive unmodified (tests/clients).
for clients in tests/clients tests/clients/watson6; do
    [ -d "$clients/node_modules" ] || (cd "$clients" && npm ci --silent --no-audit --no-fund) || echo "npm ci failed in $clients: the official-client test will say so"
done

# The clustering test's PostgreSQL (HEARTH_TEST_POSTGRES=postgres://… points it at another server).
if [ -z "${HEARTH_TEST_POSTGRES:-}" ]; then
    as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    pg_lsclusters -h | grep -q "^$version main .* online" || $sudo pg_ctlcluster "$version" main start
    as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'hearth'\"" | grep -q 1 || as_postgres "psql -qc \"CREATE ROLE hearth LOGIN PASSWORD 'hearth'\""
    as_postgres "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'hearth_test'\"" | grep -q 1 || as_postgres "createdb -O hearth hearth_test"
fi

results=artifacts/test-results
rm -rf "$results"

if ! dotnet build Hearth.slnx -c Release --nologo -v quiet; then
    echo "build failed: see the errors above"
    echo "0 passed, 1 failed"
    exit 1
fi

dotnet test Hearth.slnx -c Release --no-build --nologo --logger trx --results-directory "$results"
status=$?

passed=0 failed=0 skipped=0
count() { grep -o "<Counters [^>]*>" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o "[0-9]*" || echo 0; }
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    passed=$((passed + $(count "$trx" passed)))
    failed=$((failed + $(count "$trx" failed) + $(count "$trx" error) + $(count "$trx" timeout) + $(count "$trx" aborted)))
    skipped=$((skipped + $(count "$trx" notExecuted)))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "dotnet test exited with $status before reporting every result (a test host crashed?)"
    failed=1
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
