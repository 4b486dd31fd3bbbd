#!/usr/bin/env bash
# oCore benchmarks: builds the bench helpers, runs every load on 127.0.0.1 only, and writes bench/RESULTS.md.
# Bounded: each wrk run lasts BENCH_DURATION (10s), each cluster figure runs under `timeout`; the whole script takes
# about 13 minutes on 2 shared cores (BENCH_SCALE_PROJECTS, default "10000" as the benchmark issue asks, sets the
# operator-scale sizes: 5 BranchMappings per Project).
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH=bench
OUT=$BENCH/out
RESULTS=$BENCH/RESULTS.md
DURATION=${BENCH_DURATION:-10s}
THREADS=2
CONNECTIONS=32
ROUNDS=${BENCH_ROUNDS:-2}
SECRET=bench-webhook-secret-$RANDOM$RANDOM
PROJECT_PATH=/api/webhooks/github/bench-project
PORT_RECEIVER=${BENCH_PORT_BASE:-18181}
PORT_BARE=$((PORT_RECEIVER + 1))
PORT_OCTOKIT=$((PORT_RECEIVER + 2))
PORT_QUIET=$((PORT_RECEIVER + 3))
started=$(date +%s)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$OUT"
rm -f "$OUT"/*.log "$OUT"/*.txt "$OUT"/*.env "$OUT"/*.kubeconfig
SCALE_SIZES=${BENCH_SCALE_PROJECTS:-10000}

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

# --- Tools -------------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq wrk >/dev/null
fi
# Figure 2 serves its repository through a real sshd (sshd lives in /usr/sbin, which a non-login PATH may lack).
if { ! command -v sshd >/dev/null 2>&1 && [ ! -x /usr/sbin/sshd ]; } || ! command -v ssh >/dev/null 2>&1 || ! command -v git >/dev/null 2>&1; then
  log "installing openssh-server, openssh-client and git"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends openssh-server openssh-client git >/dev/null
fi
log "installing @octokit/webhooks (npm ci)"
(cd $BENCH/octokit && npm ci --no-audit --no-fund --silent)
log "building bench helpers (Release)"
# src/OCore.Cli (for `ocore dev`) builds the operator and the receiver into their own bin/Release as well, which the
# cluster figures start as processes.
for project in $BENCH/OCore.Bench.Receiver $BENCH/OCore.Bench.BareKestrel $BENCH/OCore.Bench.Routing $BENCH/OCore.Bench.Cluster \
  src/OCore.Cli; do
  name=$(basename "$project")
  dotnet build -c Release --nologo -v quiet "$project/$name.csproj" >"$OUT/build-$name.log" 2>&1 \
    || { cat "$OUT/build-$name.log"; exit 1; }
done

# --- Payload -----------------------------------------------------------------------------------------------------
BODY=$OUT/push.json
SIGNATURE=$(node $BENCH/load/make-payload.mjs "$BODY" "$SECRET")
BAD_SIGNATURE=$(node $BENCH/load/make-payload.mjs "$OUT/push-bad.json" "not-$SECRET")
BODY_BYTES=$(wc -c <"$BODY")

# --- Servers -----------------------------------------------------------------------------------------------------
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
dll() { echo "$BENCH/$1/bin/Release/net10.0/$1.dll"; }
dotnet "$(dll OCore.Bench.Receiver)" --port $PORT_RECEIVER --secret "$SECRET" --logging production >"$OUT/receiver.log" 2>&1 & pids+=($!)
dotnet "$(dll OCore.Bench.Receiver)" --port $PORT_QUIET --secret "$SECRET" --logging off >"$OUT/receiver-quiet.log" 2>&1 & pids+=($!)
dotnet "$(dll OCore.Bench.BareKestrel)" --port $PORT_BARE >"$OUT/bare.log" 2>&1 & pids+=($!)
BENCH_SECRET=$SECRET node $BENCH/octokit/server.mjs $PORT_OCTOKIT >"$OUT/octokit.log" 2>&1 & pids+=($!)

post() { # port signature -> HTTP status of one push
  curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$1$PROJECT_PATH" -H 'Content-Type: application/json' \
    -H 'X-GitHub-Event: push' -H 'X-GitHub-Delivery: 72d3162e-cc78-11e3-81ab-4c9367dc0958' \
    -H "X-Hub-Signature-256: sha256=$2" --data-binary "@$BODY" || true
}
for port in $PORT_RECEIVER $PORT_QUIET $PORT_BARE $PORT_OCTOKIT; do
  for _ in $(seq 1 60); do [ "$(post $port "$SIGNATURE")" = 200 ] && break; sleep 0.5; done
  [ "$(post $port "$SIGNATURE")" = 200 ] || { log "server on port $port does not answer 200"; exit 1; }
done
for port in $PORT_RECEIVER $PORT_OCTOKIT; do
  status=$(post $port "$BAD_SIGNATURE")
  case $status in 4*) ;; *) log "port $port accepted a bad signature ($status)"; exit 1 ;; esac
done

# --- Load --------------------------------------------------------------------------------------------------------
load() { # name port signature threads connections duration -> appends the BENCH line to $OUT/name.txt
  BENCH_BODY_FILE=$BODY BENCH_SIGNATURE=$3 BENCH_PATH=$PROJECT_PATH \
    wrk -t"$4" -c"$5" -d"$6" --latency -s $BENCH/load/push.lua "http://127.0.0.1:$2" >"$OUT/$1.wrk.log" 2>&1
  grep '^BENCH ' "$OUT/$1.wrk.log" | tee -a "$OUT/$1.txt" >&2
}
field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" "$1" ; }
mean() { field "$OUT/$1.txt" "$2" | awk '{ s += $1; n++ } END { printf "%.1f", s / n }'; }
worst() { field "$OUT/$1.txt" "$2" | sort -n | tail -1; }
stats() { curl -s "http://127.0.0.1:$PORT_RECEIVER/bench/stats?collect=true"; }
json() { echo "$1" | sed -n "s/.*\"$2\":\([0-9]*\).*/\1/p"; }

log "warm-up: 3s per server"
for target in receiver:$PORT_RECEIVER quiet:$PORT_QUIET bare:$PORT_BARE octokit:$PORT_OCTOKIT; do
  load "warmup-${target%%:*}" "${target##*:}" "$SIGNATURE" $THREADS $CONNECTIONS 3s >/dev/null 2>&1
done
log "figure 1: $ROUNDS rounds of wrk -t$THREADS -c$CONNECTIONS -d$DURATION per server, one server under load at a time"
for round in $(seq 1 "$ROUNDS"); do
  for target in receiver:$PORT_RECEIVER bare:$PORT_BARE octokit:$PORT_OCTOKIT quiet:$PORT_QUIET; do
    log "round $round: ${target%%:*}"
    load "${target%%:*}" "${target##*:}" "$SIGNATURE" $THREADS $CONNECTIONS "$DURATION"
  done
done

log "bad-signature flood on the real receiver"
s0=$(stats)
load flood-baseline $PORT_RECEIVER "$SIGNATURE" 1 16 "$DURATION"
s1=$(stats)
load flood-bad-only $PORT_RECEIVER "$BAD_SIGNATURE" 1 32 "$DURATION"
sleep 2 # the answers held back by the failed-verification delay (1 s) finish before the counters are read
s2=$(stats)
load flood-bad $PORT_RECEIVER "$BAD_SIGNATURE" 1 32 "$DURATION" & flood_pid=$!
load flood-valid $PORT_RECEIVER "$SIGNATURE" 1 16 "$DURATION"
wait $flood_pid
sleep 2
s3=$(stats)
# What the idle receiver allocates over a phase's length (timers, the stats call itself), subtracted from each phase:
# with held-back 401s the bad-only phase has a few hundred requests, so this background is a large share of it.
sleep "$(( ${DURATION%s} + 2 ))"
s4=$(stats)

cleanup; pids=()

# --- Figures 1 (create path), 2, 3 (operator) and 4: DevCluster, the operator and the receiver as processes -------
# Each step is bounded by timeout; one that fails or overruns leaves no figure, and RESULTS.md says so.
cluster_bench() { # name seconds args...
  local name=$1 seconds=$2; shift 2
  log "cluster bench: $name"
  timeout --kill-after=10 "$seconds" dotnet "$BENCH/OCore.Bench.Cluster/bin/Release/net10.0/OCore.Bench.Cluster.dll" "$@" --out "$OUT" \
    --payload "$BODY" >"$OUT/cluster-$name.log" 2>&1 || log "cluster bench $name failed or timed out; see $OUT/cluster-$name.log"
}
cluster_bench create 150 create --seconds "${DURATION%s}"
cluster_bench push-to-work 420 push-to-work --pushes 200
cluster_bench devcluster 180 devcluster --objects 10000
for size in $SCALE_SIZES; do
  # The stream of Deployments runs at the largest size only.
  stream=0; [ "$size" = "${SCALE_SIZES##* }" ] && stream=10
  cluster_bench "scale-$size" 540 scale --projects "$size" --mappings-per-project 5 --stream-seconds $stream
done

# --- Figure 3: branch resolution (BenchmarkDotNet) ---------------------------------------------------------------
log "figure 3: BenchmarkDotNet, branch resolution"
rm -f "$OUT/routing-rows.txt"
# Bounded: after 420 s the run stops and RESULTS.md says figure 3 did not finish.
(cd $OUT && timeout 420 dotnet "../OCore.Bench.Routing/bin/Release/net10.0/OCore.Bench.Routing.dll" --filter '*' \
  >routing.log 2>&1) || { log "BenchmarkDotNet failed or timed out; see $OUT/routing.log"; touch "$OUT/routing-rows.txt"; }

# --- RESULTS.md --------------------------------------------------------------------------------------------------
log "writing $RESULTS"
cat >"$OUT/run.env" <<VARS
DURATION=$DURATION
THREADS=$THREADS
CONNECTIONS=$CONNECTIONS
ROUNDS=$ROUNDS
BODY_BYTES=$BODY_BYTES
LOAD_START='$load_start'
LOAD_END='$(cut -d' ' -f1-3 /proc/loadavg)'
S0='$s0'
S1='$s1'
S2='$s2'
S3='$s3'
S4='$s4'
SCALE_SIZES='$SCALE_SIZES'
ELAPSED=$(( $(date +%s) - started ))
VARS
bash $BENCH/write-results.sh
log "done in $(( $(date +%s) - started ))s"
