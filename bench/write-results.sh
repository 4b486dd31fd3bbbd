#!/usr/bin/env bash
# Writes bench/RESULTS.md from the files bench/run.sh left in bench/out (run.env, *.txt, routing-rows.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
# shellcheck disable=SC1091
source "$OUT/run.env"

field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" "$1"; }
mean() { field "$OUT/$1.txt" "$2" | awk '{ s += $1; n++ } END { printf "%.0f", s / n }'; }
worst() { field "$OUT/$1.txt" "$2" | sort -n | tail -1; }
sum() { field "$OUT/$1.txt" "$2" | awk '{ s += $1 } END { printf "%d", s }'; }
ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
pass() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == ">=") ? v >= t : v <= t; print ok ? "**pass**" : "**FAIL**" }'; }
json() { echo "$1" | sed -n "s/.*\"$2\":\([0-9]*\).*/\1/p"; }
rounds() { # name -> "rps / p99 ms" per round
  paste -d' ' <(field "$OUT/$1.txt" rps) <(field "$OUT/$1.txt" p99) | awk '{ printf "%s%.0f req/s, p99 %.2f ms", (NR > 1 ? "; " : ""), $1, $2 / 1000 }'
}

rec=$(mean receiver rps); bare=$(mean bare rps); oct=$(mean octokit rps); quiet=$(mean quiet rps)
rec_p99=$(worst receiver p99); quiet_p99=$(worst quiet p99); bare_p99=$(worst bare p99); oct_p99=$(worst octokit p99)
vs_bare=$(ratio "$rec" "$bare"); vs_oct=$(ratio "$rec" "$oct")
quiet_vs_bare=$(ratio "$quiet" "$bare"); quiet_vs_oct=$(ratio "$quiet" "$oct")
non2xx=$(( $(sum receiver non2xx) + $(sum bare non2xx) + $(sum octokit non2xx) + $(sum quiet non2xx) ))

base_p99=$(worst flood-baseline p99); flood_p99=$(worst flood-valid p99)
flood_ratio=$(ratio "$flood_p99" "$base_p99")
valid_requests=$(sum flood-baseline requests); bad_only_requests=$(sum flood-bad-only requests)
bad_requests=$(sum flood-bad requests); flood_valid_requests=$(sum flood-valid requests)
alloc_valid=$(( ($(json "$S1" allocatedBytes) - $(json "$S0" allocatedBytes)) / valid_requests ))
alloc_bad=$(( ($(json "$S2" allocatedBytes) - $(json "$S1" allocatedBytes)) / bad_only_requests ))
heap0=$(json "$S0" heapBytes); heap2=$(json "$S2" heapBytes); heap3=$(json "$S3" heapBytes)
heap_growth=$(( heap3 - heap0 ))
heap_flat=$(awk -v g="$heap_growth" -v h="$heap0" 'BEGIN { print (g <= h * 0.10 + 1048576) ? "**pass**" : "**FAIL**" }')
alloc_flat=$(awk -v b="$alloc_bad" -v v="$alloc_valid" 'BEGIN { print (b <= v * 1.05) ? "**pass**" : "**FAIL**" }')
bad_non2xx=$(sum flood-bad non2xx); bad_only_non2xx=$(sum flood-bad-only non2xx)

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
mem=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)

{
cat <<MD
# oCore benchmarks: results

Written by \`bench/run.sh\` (do not edit by hand; run \`bash bench/run.sh\` again). Everything ran on 127.0.0.1.

## Machine and versions

| | |
| --- | --- |
| CPU | $cpu, $(nproc) logical cores |
| Memory | $mem |
| OS | $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r) |
| .NET SDK | $(dotnet --version) |
| Node.js | $(node --version) |
| @octokit/webhooks | $(node -p 'require("./bench/octokit/node_modules/@octokit/webhooks/package.json").version') |
| wrk | $(wrk --version 2>&1 | head -1 | awk '{ print $2 }') |
| Load average (1, 5, 15 min) at start / end | $LOAD_START / $LOAD_END |
| bench/run.sh wall time | ${ELAPSED} s |

The machine is shared (2 cores; other work may run at the same time; see the load average above), so absolute
figures are noisy. The four servers ran in the same run, one at a time under the same load, in $ROUNDS interleaved
rounds; the ratios are what to read.

## 1. Receiver: a verified GitHub push on the decide path

**Set-up.** Payload: a realistic GitHub \`push\` (4 commits, full repository object, pusher, sender, organization),
$BODY_BYTES bytes of compact JSON, signed with \`X-Hub-Signature-256\` (HMAC-SHA256), the same delivery id every time.
Load: \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/load/push.lua\`, after a 3 s warm-up per server.

- **oCore receiver** (\`bench/OCore.Bench.Receiver\`): the real \`AddWebhookReceiver()\` + \`MapWebhookEndpoints()\`
  (content type, headers, size cap, streaming HMAC, rate limiter, JSON parse, repository check, push handler,
  delivery log) with the receiver's production logging (\`AddReceiverLogging\`: one Serilog console line per delivery,
  stdout to a file). Decide path: an in-memory \`IWebhookProjectDirectory\` holding one project and an \`IPushHandler\`
  that answers **Duplicate** (a redelivery: no API write). Not the Kubernetes-backed ClusterProjectDirectory +
  DeploymentPushHandler, so branch resolution over real BranchMappings is not in this figure (figure 3 measures it
  alone). The per-project rate limit is raised so a single project can be load-tested.
- **oCore receiver, logging off**: the same host without log providers; a diagnostic, not a target.
- **Bare Kestrel** (\`bench/OCore.Bench.BareKestrel\`): reads the body to the end, answers 200.
- **@octokit/webhooks** (\`bench/octokit/server.mjs\`): \`createNodeMiddleware\` (verify + parse) on node's
  http server, with a push handler that reads the repository and the ref.

| Server | Throughput (mean of rounds) | p99 (worst round) | Per round |
| --- | ---: | ---: | --- |
| oCore receiver | $rec req/s | $(ms "$rec_p99") ms | $(rounds receiver) |
| Bare Kestrel | $bare req/s | $(ms "$bare_p99") ms | $(rounds bare) |
| @octokit/webhooks (node) | $oct req/s | $(ms "$oct_p99") ms | $(rounds octokit) |
| oCore receiver, logging off | $quiet req/s | $(ms "$quiet_p99") ms | $(rounds quiet) |

Non-2xx answers or socket errors across these runs: $non2xx.

| Figure | Measured | Target | Result |
| --- | ---: | ---: | --- |
| Receiver / bare Kestrel throughput | $vs_bare | ≥ 0.80 | $(pass "$vs_bare" ">=" 0.8) |
| Receiver / octokit throughput | ${vs_oct}× | ≥ 3.5× | $(pass "$vs_oct" ">=" 3.5) |
| Receiver p99 | $(ms "$rec_p99") ms | < 10 ms | $(pass "$(ms "$rec_p99")" "<=" 9.999) |
| (diagnostic) receiver without logging / bare Kestrel | $quiet_vs_bare | ≥ 0.80 | $(pass "$quiet_vs_bare" ">=" 0.8) |
| (diagnostic) receiver without logging / octokit | ${quiet_vs_oct}× | ≥ 3.5× | $(pass "$quiet_vs_oct" ">=" 3.5) |

### Bad-signature flood

On the receiver with production logging: valid pushes alone (\`wrk -t1 -c16 -d$DURATION\`), then bad signatures
alone (\`wrk -t1 -c32 -d$DURATION\`, same body signed with another secret), then both at once. GC counters come from
\`GET /bench/stats?collect=true\` (a forced full collection before reading the heap).

| Figure | Measured | Target | Result |
| --- | ---: | ---: | --- |
| Valid senders' p99: alone → under the flood | $(ms "$base_p99") ms → $(ms "$flood_p99") ms (${flood_ratio}×) | ≤ 1.2× | $(pass "$flood_ratio" "<=" 1.2) |
| Allocated per request: valid → bad signature | $alloc_valid B → $alloc_bad B | bad ≤ 1.05 × valid | $alloc_flat |
| Managed heap after full GC: before → after bad-only → after flood | $((heap0 / 1024)) KiB → $((heap2 / 1024)) KiB → $((heap3 / 1024)) KiB | no growth (≤ 10% + 1 MiB) | $heap_flat |

Requests: valid alone $valid_requests; bad alone $bad_only_requests (non-2xx: $bad_only_non2xx, all expected 401);
under the flood $flood_valid_requests valid and $bad_requests bad (non-2xx: $bad_non2xx).
MD

echo
echo "## 3. Operator scale: branch resolution (BenchmarkDotNet)"
echo
cat <<'MD'
`bench/OCore.Bench.Routing` (BenchmarkDotNet 0.15.8, in-process toolchain, 2 warm-up and 6 measured iterations of
100 ms, MemoryDiagnoser). No forced GC between iterations; MemoryDiagnoser on the per-project cases only. `RouterBenchmarks`: one `OCore.Api.Branches.BranchRouter` holding N rules: `main` (exact),
`feature/*` and `release/*` plus filler rules. Shape **Indexed**: fillers (9 in 10 exact names, 1 in 10 globs) are exact names (`env-42`) and globs with
their own first segment (`team43/*`). Shape **SharedFirstSegment**: fillers all start with `feature/` (`feature/t42`,
`feature/t43/*`), the bucket a `feature/...` push lands in. Branches: `main` (exact hit), `feature/login-page` (glob
hit), `feature/login/page` (no rule matches). `PerProjectBenchmarks`: the realistic shape, 5 rules per project,
1 or 10,000 projects in a dictionary by project (standing in for the informer's by-project index); each operation
looks the project up, builds its router and resolves `feature/login-page`.

| Benchmark | Case | Parameters | Median | Allocated |
| --- | --- | --- | ---: | ---: |
MD
awk -F'|' '/^ROW/ { printf "| %s | %s | %s | %.1f ns | %s B |\n", $2, $3, $4, $5, $6 }' "$OUT/routing-rows.txt"
echo
echo "| Figure: 50,000 rules / 10 rules (median) | Measured | Target | Result |"
echo "| --- | ---: | ---: | --- |"
awk -F'|' '/^ROW\|RouterBenchmarks/ {
    split($4, p, "&"); rules = p[1]; shape = p[2]; sub("Rules=", "", rules); sub("Shape=", "", shape)
    key = shape " " $3; t[key, rules] = $5; keys[key] = 1 }
  /^ROW\|PerProjectBenchmarks/ { q[$3, $4] = $5; m[$3] = 1 }
  END {
    for (k in keys) {
      r = t[k, "50000"] / t[k, "10"]
      printf "| %s | %.2f× | ≤ 2× | %s |\n", k, r, (r <= 2 ? "**pass**" : "**FAIL**")
    }
    for (k in m) {
      r = q[k, "Projects=10000"] / q[k, "Projects=1"]
      printf "| Per project (5 rules), %s: 10,000 projects / 1 project | %.2f× | ≤ 2× | %s |\n", k, r, (r <= 2 ? "**pass**" : "**FAIL**")
    }
  }' "$OUT/routing-rows.txt" | sort
echo
echo 'Managed memory retained by one router (`GC.GetTotalMemory` around its construction; each glob holds a compiled'
echo 'NonBacktracking `Regex`; fillers are 9 in 10 exact names, 1 in 10 globs):'
echo
echo "| Rules | Shape | Retained |"
echo "| ---: | --- | ---: |"
awk -F'|' '/^MEM/ { printf "| %s | %s | %.1f MiB |\n", $2, $3, $4 / 1048576 }' "$OUT/routing-rows.txt"
echo
cat bench/NOTES.md
} >bench/RESULTS.md
