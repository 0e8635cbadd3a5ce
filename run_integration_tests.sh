#!/usr/bin/env bash
# Runs the integration tests (*IT, maven-failsafe) against external servers:
#
#   MONGODB_URI   any URI the driver accepts, e.g. mongodb://user:pass@db.example:27017/?tls=true
#                 Tests create databases named it_<random>_<n> and drop exactly those at the end.
#   REDIS_HOST    with optional REDIS_PORT (6379), REDIS_PASSWORD, REDIS_TLS=true
#                 Tests use the key prefix orchestra-it:<random>: and delete exactly those keys at the end
#                 (SCAN + DEL; never KEYS, FLUSHALL or FLUSHDB).
#
# Set one or both; what is not set falls back to the in-process servers of the normal build. Tests that simulate
# outages always start servers of their own, so they never stop yours. Extra arguments go to Maven, e.g.
#   REDIS_HOST=127.0.0.1 ./run_integration_tests.sh -Dit.test='RedisCacheIT,TieredMemoryManager*IT'
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${MONGODB_URI:-}" ] && [ -z "${REDIS_HOST:-}" ]; then
  cat >&2 <<'USAGE'
run_integration_tests.sh needs at least one external server:
  MONGODB_URI=mongodb://[user:pass@]host:27017[/?options]   the MongoDB to test against
  REDIS_HOST=host [REDIS_PORT=6379] [REDIS_PASSWORD=...] [REDIS_TLS=true]   the Redis to test against
Example: REDIS_HOST=127.0.0.1 MONGODB_URI=mongodb://127.0.0.1:27017 ./run_integration_tests.sh
USAGE
  exit 2
fi

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
exec mvn -B verify -Dbuild.dir="$PWD/target-it" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false "$@"
