#!/bin/sh
# The registry crash test (issue 15): 500 management calls through the gateway while the registry is
# killed with SIGKILL at random points and restarted; then every acknowledged change is read back from
# the database and from invocation-service's view. Prints one JSON line with the counts checked and
# lost, and exits 1 if anything acknowledged was lost.
#
#   bench/crash/registry-crash.sh [--calls 500] [--seed 15] ...   (options of registry_crash.py)
#
# Runs beside any other stack: every port shifted by IGNIS_PORT_OFFSET (default 20000: gateway 28080,
# registry 28081, Kafka 29092), its own IGNIS_HOME; loopback only; bounded by --calls and
# --max-seconds (900). Never part of ./mvnw verify.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
export IGNIS_HOME="${IGNIS_HOME:-$(mktemp -d /tmp/ignis-crash.XXXXXX)}"
# mktemp makes it owner-only; the sandboxed functions run as another user and must reach their code
# below it, as under a normal .ignis (e2e-tests TestStacks does the same).
chmod 755 "$IGNIS_HOME"
# Restarts on a busy machine take minutes; so may the whole stack.
export IGNIS_START_TIMEOUT="${IGNIS_START_TIMEOUT:-600}"
. "$root/scripts/lib/jdk.sh"
java_home=$(ignis_find_jdk)
cd "$root"

# Build with package (never install: ~/.m2 is shared) and mark the build current, so that `ignis up`
# does not build again.
[ -n "${IGNIS_SKIP_BUILD:-}" ] || "$root/mvnw" -q -B -o -DskipTests -Dspotless.check.skip=true package \
  -pl platform-contracts,function-registry-service,invocation-service,async-queue-service,event-source-service,gateway-service,launcher
mkdir -p "$IGNIS_HOME/run" "$IGNIS_HOME/logs" && touch "$IGNIS_HOME/run/build.stamp"
offset=${IGNIS_PORT_OFFSET:-20000}
"$root/ignis" up -d --port-offset "$offset" --services invocation,gateway
trap '"$root/ignis" down >/dev/null 2>&1 || true' EXIT

# A copy: a build while the test runs must not change the jar under the registry it restarts.
cp function-registry-service/target/function-registry-service.jar "$IGNIS_HOME/registry.jar"
jar="$IGNIS_HOME/registry.jar"
port() { echo $(($1 + offset)); }
/usr/bin/python3 "$root/bench/crash/registry_crash.py" --gateway "http://127.0.0.1:$(port 8080)" \
  --registry "http://127.0.0.1:$(port 8081)" --registry-log "$IGNIS_HOME/logs/registry-crash.log" "$@" -- \
  "$java_home/bin/java" -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar" --ignis.home="$IGNIS_HOME" \
  --server.port="$(port 8081)" --ignis.kafka.bootstrap-servers="127.0.0.1:$(port 9092)" \
  --ignis.services.gateway="http://localhost:$(port 8080)" \
  --ignis.services.function-registry="http://localhost:$(port 8081)" \
  --ignis.services.invocation="http://localhost:$(port 8082)" \
  --ignis.services.async-queue="http://localhost:$(port 8083)" \
  --ignis.services.event-source="http://localhost:$(port 8084)"
