#!/usr/bin/env bash
# Runs the integration tests (*IT, maven-failsafe) against external servers:
#
#   MONGODB_URI   any URI the driver accepts, e.g. mongodb://user:pass@db.example:27017/?tls=true
#                 Tests create databases named it_<random>_<n> and drop exactly those at the end.
#   REDIS_HOST    with optional REDIS_PORT (6379), REDIS_PASSWORD, REDIS_TLS=true
#                 Tests use the key prefix orchestra-it:<random>: and delete exactly those keys at the end
#                 (SCAN + DEL; never KEYS, FLUSHALL or FLUSHDB).
#
# Set one or both; what is not set falls back to the in-process servers of the normal build (with neither set the
# whole suite runs in-process and the summary says 0 ran against external servers). Every test that does not stop,
# restart or stall a server (marked @FollowsTarget) uses the external servers; tests that simulate outages always
# start servers of their own, so they never stop yours. At the end the script prints how many tests ran and how many
# of them against each external server. Extra arguments go to Maven, e.g.
#   REDIS_HOST=127.0.0.1 ./run_integration_tests.sh -Dit.test='RedisCacheIT,TieredMemoryManager*IT'
set -euo pipefail
cd "$(dirname "$0")"

redact() { sed -E 's#(://)[^@/]+@#\1***@#'; }
if [ -n "${MONGODB_URI:-}" ]; then
  echo "MongoDB: $(printf '%s' "$MONGODB_URI" | redact)"
else
  echo "MongoDB: MONGODB_URI not set - using the in-process mongo-java-server"
fi
if [ -n "${REDIS_HOST:-}" ]; then
  echo "Redis:   ${REDIS_HOST}:${REDIS_PORT:-6379}${REDIS_TLS:+ (TLS=$REDIS_TLS)}${REDIS_PASSWORD:+ (with password)}"
else
  echo "Redis:   REDIS_HOST not set - using the embedded redis-server"
fi

# A build directory of its own, so that this can run next to a normal build of the same checkout.
build_dir="$PWD/target-it"
reports="$build_dir/failsafe-reports"
external_report="$reports/external-target.tsv" # written by ExternalTargetReport (see the failsafe configuration)
rm -f "$reports"/TEST-*.xml "$external_report"

status=0
mvn -B verify -Dbuild.dir="$build_dir" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false "$@" || status=$?

# Tests that ran (skipped ones excluded), from failsafe's XML reports.
ran=0
for report in "$reports"/TEST-*.xml; do
  [ -e "$report" ] || continue
  suite=$(grep -o -m1 '<testsuite [^>]*' "$report")
  tests=$(printf '%s' "$suite" | sed -nE 's/.* tests="([0-9]+)".*/\1/p')
  skipped=$(printf '%s' "$suite" | sed -nE 's/.* skipped="([0-9]+)".*/\1/p')
  ran=$((ran + ${tests:-0} - ${skipped:-0}))
done
external=0 external_mongo=0 external_redis=0
if [ -f "$external_report" ]; then
  external=$(($(wc -l < "$external_report")))
  external_mongo=$(cut -f1 "$external_report" | grep -c mongodb || true)
  external_redis=$(cut -f1 "$external_report" | grep -c redis || true)
fi
echo "Integration tests: $ran ran; $external against external servers" \
  "(MongoDB: $external_mongo, Redis: $external_redis; list in $external_report)"
exit "$status"
