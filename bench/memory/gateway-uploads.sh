#!/bin/sh
# The gateway memory test (issue 15): 64 parallel maximum-size uploads, half unsigned, against a
# gateway with the launcher's default heap (-Xmx256m, config/launcher.yml), its management backend a
# local sink. Prints one JSON line: answers, the other caller's successes, heap baseline and peak.
# Loopback only; never part of ./mvnw verify. Kafka (for the gateway's registry view) comes from the
# launcher with one small service, all ports shifted by IGNIS_PORT_OFFSET (default 30000); the
# gateway under test runs on offset+8080 / offset+9080, its sink on offset+8081.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
export IGNIS_HOME="${IGNIS_HOME:-$(mktemp -d /tmp/ignis-memory.XXXXXX)}"
# mktemp makes it owner-only; the sandboxed functions run as another user and must reach their code
# below it, as under a normal .ignis (e2e-tests TestStacks does the same).
chmod 755 "$IGNIS_HOME"
# Restarts on a busy machine take minutes; so may the whole stack.
export IGNIS_START_TIMEOUT="${IGNIS_START_TIMEOUT:-600}"
. "$root/scripts/lib/jdk.sh"
java_home=$(ignis_find_jdk)
cd "$root"
[ -n "${IGNIS_SKIP_BUILD:-}" ] || "$root/mvnw" -q -B -o -DskipTests -Dspotless.check.skip=true package \
  -pl platform-contracts,function-registry-service,invocation-service,async-queue-service,event-source-service,gateway-service,launcher
mkdir -p "$IGNIS_HOME/run" "$IGNIS_HOME/logs" && touch "$IGNIS_HOME/run/build.stamp"
offset=${IGNIS_PORT_OFFSET:-30000}
"$root/ignis" up -d --port-offset "$offset" --services async-queue
gateway_pid=
cleanup() {
  [ -n "$gateway_pid" ] && kill "$gateway_pid" 2>/dev/null || true
  "$root/ignis" down >/dev/null 2>&1 || true
}
trap cleanup EXIT
jar=gateway-service/target/gateway-service.jar
"$java_home/bin/java" -Xms32m -Xmx256m -XX:+UseSerialGC -Xss512k -jar "$jar" \
  --ignis.home="$IGNIS_HOME" --server.port=$((offset + 8080)) --management.server.port=$((offset + 9080)) \
  --ignis.kafka.bootstrap-servers=127.0.0.1:$((offset + 9092)) \
  --ignis.services.function-registry=http://127.0.0.1:$((offset + 8081)) >"$IGNIS_HOME/logs/memory-gateway.log" 2>&1 &
gateway_pid=$!
i=0
until curl -fs http://127.0.0.1:$((offset + 8080))/readyz >/dev/null 2>&1; do
  i=$((i + 1)); [ "$i" -lt 600 ] || { echo "the gateway did not start" >&2; exit 1; }; sleep 0.5
done
/usr/bin/python3 "$root/bench/memory/gateway_uploads.py" --port $((offset + 8080)) \
  --management-port $((offset + 9080)) --sink-port $((offset + 8081)) --gateway-pid "$gateway_pid" "$@"
