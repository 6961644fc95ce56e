#!/bin/sh
# The registry crash test (issue 15): 500 management calls through the gateway while the registry is
# killed with SIGKILL at random points and restarted; then every acknowledged change is read back from
# the database and from invocation-service's view. Prints one JSON line with the counts checked and
# lost, and exits 1 if anything acknowledged was lost.
#
#   bench/crash/registry-crash.sh [--calls 500] [--seed 15] ...   (options of registry_crash.py)
#
# Uses the default ports (8080-8084, 9092) and its own IGNIS_HOME; loopback only; bounded by --calls
# and --max-seconds (900). Never part of ./mvnw verify.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
export IGNIS_HOME="${IGNIS_HOME:-$(mktemp -d /tmp/ignis-crash.XXXXXX)}"
. "$root/scripts/lib/jdk.sh"
java_home=$(ignis_find_jdk)
cd "$root"

# Build with package (never install: ~/.m2 is shared) and mark the build current, so that `ignis up`
# does not build again.
"$root/mvnw" -q -B -o -DskipTests -Dspotless.check.skip=true package \
  -pl platform-contracts,function-registry-service,invocation-service,async-queue-service,event-source-service,gateway-service,launcher
mkdir -p "$IGNIS_HOME/run" "$IGNIS_HOME/logs" && touch "$IGNIS_HOME/run/build.stamp"
"$root/ignis" up -d --services invocation,gateway
trap '"$root/ignis" down >/dev/null 2>&1 || true' EXIT

# A copy: a build while the test runs must not change the jar under the registry it restarts.
cp "$(ls function-registry-service/target/function-registry-service-*.jar | grep -v plain | head -n 1)" "$IGNIS_HOME/registry.jar"
jar="$IGNIS_HOME/registry.jar"
/usr/bin/python3 "$root/bench/crash/registry_crash.py" --registry-log "$IGNIS_HOME/logs/registry-crash.log" "$@" -- \
  "$java_home/bin/java" -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar" --ignis.home="$IGNIS_HOME"
