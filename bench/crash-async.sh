#!/usr/bin/env bash
# The async crash test (issue #17): N events are sent to async-queue-service while one part of the
# platform is killed and brought back; then every invocation record on the destination topic is
# counted against the events that got a 202. Reports lost (acknowledged, never processed: goal 0)
# and duplicates (processed more than once: at least once allows them).
#
#   bench/crash-async.sh async-queue|invocation|broker [events]
#
# async-queue: kill -9 async-queue-service mid-stream, start it again.
# invocation:  kill -9 invocation-service mid-stream, start it again.
# broker:      restart the Kafka broker mid-stream (with the core services of its launcher).
#
# Runs on this machine's loopback only, on the stack's default ports (which must be free), in its own
# IGNIS_HOME under target/; bounded in events and time. Build first: ./mvnw -q -DskipTests package
# (the launcher is run from its jar, not through ./ignis, so that nothing is built or installed here).
set -euo pipefail

scenario=${1:?usage: bench/crash-async.sh async-queue|invocation|broker [events]}
events=${2:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$root/bench/target/crash-$scenario
home=$work/home
rm -rf "$work" && mkdir -p "$work"
chmod 755 "$work"
export IGNIS_HOME=$home
# shellcheck source=../scripts/lib/jdk.sh
. "$root/scripts/lib/jdk.sh"
jdk=$(ignis_find_jdk)
java=$jdk/bin/java
fn=crash-$scenario-$(date +%s)
arn=arn:aws:lambda:us-east-1:000000000000:function:$fn
topic=ignis.destinations
declare -A pids

launcher() {
  "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx96m -Dignis.project-root="$root" \
    -cp "$root/launcher/target/launcher.jar:$root/launcher/target/lib/*" dev.ignis.launcher.Main "$@"
}

# Starts the launcher in the background (its own session) and waits until it says the stack is up.
launcher_up() {
  rm -f "$home/ready"
  mkdir -p "$home"
  setsid "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx96m -Dignis.project-root="$root" \
    -cp "$root/launcher/target/launcher.jar:$root/launcher/target/lib/*" dev.ignis.launcher.Main \
    up --services registry,event-source,gateway --ready-file "$home/ready" >>"$work/launcher.log" 2>&1 </dev/null &
  local pid=$!
  while [ ! -f "$home/ready" ]; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/launcher.log" >&2; exit 1; }
    sleep 0.5
  done
}

log() { printf '[crash %s] %s\n' "$(date +%T)" "$*"; }

# invocation-service and async-queue-service run outside the launcher, so that each can be killed
# and started again alone; they get the same arguments the launcher gives its children.
start_service() {
  local module=$1 port=$2
  # Only the packaged imports, as the launcher starts services (see launcher/README.md).
  SPRING_CONFIG_LOCATION=classpath:/ "$java" -Xmx384m -XX:+UseSerialGC -jar "$module/target/$module.jar" --server.port="$port" \
    --ignis.home="$home" --ignis.kafka.bootstrap-servers=localhost:9092 \
    >>"$work/$module.log" 2>&1 &
  pids[$module]=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do sleep 0.5; done
  log "$module up (pid ${pids[$module]})"
}

kill9() { log "kill -9 $1 (pid ${pids[$1]})"; kill -9 "${pids[$1]}"; wait "${pids[$1]}" 2>/dev/null || true; }

cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  launcher down >/dev/null 2>&1 || true
}
trap cleanup EXIT

log "starting Kafka, registry, event-source, gateway in $home"
launcher_up
start_service invocation-service 8082
start_service async-queue-service 8083

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
aws() { /usr/bin/aws --endpoint-url http://localhost:8080 "$@"; }
printf 'def handler(e, c):\n    return e\n' >"$work/sink.py"
(cd "$work" && zip -q sink.zip sink.py)
aws lambda create-function --function-name "$fn" --runtime python3.12 --handler sink.handler \
  --role arn:aws:iam::000000000000:role/lambda --zip-file "fileb://$work/sink.zip" >/dev/null
aws lambda put-function-event-invoke-config --function-name "$fn" \
  --destination-config "{\"OnSuccess\":{\"Destination\":\"arn:aws:kafka:us-east-1:000000000000:topic/$topic\"}}" >/dev/null
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Amz-Invocation-Type: Event' -d '{"seq":-1}' \
  "http://127.0.0.1:8083/2015-03-31/functions/$fn/invocations")" = 202 ]; do sleep 0.5; done

# Sender: each event once, straight to async-queue-service; each 202's seq is written to acked.txt.
send() {
  "$java" -cp "bench/target/bench.jar:bench/target/lib/*" dev.ignis.bench.crash.SendEvents \
    8083 "$fn" "$events" "$work/acked.txt"
}

log "sending $events events"
started=$(date +%s)
send &
sender=$!
sleep 3
case $scenario in
  async-queue) kill9 async-queue-service; sleep 2; start_service async-queue-service 8083 ;;
  invocation) kill9 invocation-service; sleep 2; start_service invocation-service 8082 ;;
  broker)
    log "restarting the broker (launcher down, then up, same home and data)"
    launcher down >>"$work/launcher.log" 2>&1
    sleep 2
    launcher_up
    log "broker back" ;;
  *) echo "unknown scenario $scenario" >&2; exit 2 ;;
esac
wait "$sender"
log "sender done: $(wc -l <"$work/acked.txt") of $events acknowledged in $(( $(date +%s) - started )) s"

log "waiting for the queue to drain, then counting the records on $topic"
"$java" -cp "bench/target/bench.jar:bench/target/lib/*" dev.ignis.bench.crash.CountDeliveries \
  localhost:9092 "$topic" "$arn" "$work/acked.txt" 30 | tee "$work/result.txt"
load=$(cut -d' ' -f1-3 /proc/loadavg)
log "scenario $scenario, $(nproc) cores, load average $load"
