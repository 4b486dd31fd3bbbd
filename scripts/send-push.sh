#!/usr/bin/env bash
# Sends the push webhook GitHub would send for BRANCH of a Project: the branch head read from the repository (through
# a working clone's origin), GitHub's push payload, and X-Hub-Signature-256 = HMAC-SHA256 of the body with the
# Project's webhook secret (read with kubectl), POSTed to the Project's webhook URL.
# Prints the names of the Deployments the receiver queued on stdout, one a line; its answer goes to stderr.
# Needs KUBECONFIG, kubectl, git, curl and openssl.
set -euo pipefail

usage() {
  echo "usage: $0 [-n NAMESPACE] [-C CLONE] PROJECT BRANCH" >&2
  echo "  -n NAMESPACE  the Project's namespace (default acme)" >&2
  echo "  -C CLONE      a clone of the Project's repository whose origin is that repository (default ocore-dev-repo)" >&2
  exit 2
}
fail() { echo "$0: $*" >&2; exit 1; }

namespace=acme
clone=ocore-dev-repo
while getopts "n:C:h" option; do
  case $option in
    n) namespace=$OPTARG ;;
    C) clone=$OPTARG ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -eq 2 ]] || usage
project=$1
branch=$2

for tool in kubectl git curl openssl; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool not found (kubectl: bash scripts/install-tools.sh, then export PATH=\$PWD/.tools/bin:\$PATH)"
done
# The branch goes into JSON and a ref name: accept only what git accepts, and nothing that needs JSON escaping.
git check-ref-format --branch "$branch" >/dev/null 2>&1 || fail "'$branch' is not a valid branch name"
[[ $branch != *'"'* && $branch != *'\'* ]] || fail "'$branch' is not a branch name this script can send"

field() { kubectl -n "$namespace" get project "$project" -o jsonpath="{$1}"; }
webhook_url=$(field .status.webhook.url) || fail "cannot read Project $project in namespace $namespace (is KUBECONFIG set?)"
[[ -n $webhook_url ]] || fail "Project $project has no webhook URL yet: kubectl -n $namespace describe project $project says why"
[[ $(field .status.provider) == github ]] || fail "Project $project is not a GitHub project; this script sends GitHub's push format"
secret_name=$(field .status.webhook.secretRef.name)
secret=$(kubectl -n "$namespace" get secret "$secret_name" -o jsonpath='{.data.secret}' | base64 -d)
[[ -n $secret ]] || fail "Secret $secret_name has no key 'secret'"

# GitHub names the repository owner/name in the payload; the receiver checks it against spec.repository.url.
repository_url=$(field .spec.repository.url)
if [[ $repository_url == *://* ]]; then full_name=${repository_url#*://}; full_name=${full_name#*/}; else full_name=${repository_url#*:}; fi
full_name=${full_name%/}
full_name=${full_name%.git}

[[ -d $clone ]] || fail "no clone at '$clone' (-C names one)"
after=$(git -C "$clone" ls-remote --exit-code origin "refs/heads/$branch" | cut -f1) || fail "branch $branch is not in $clone's origin: push it first"
git -C "$clone" fetch --quiet origin "refs/heads/$branch"
before=$(git -C "$clone" rev-parse --verify --quiet "$after^" || true)
created=false
if [[ -z $before ]]; then before=0000000000000000000000000000000000000000; created=true; fi

body=$(printf '{"ref":"refs/heads/%s","before":"%s","after":"%s","created":%s,"deleted":false,"forced":false,"repository":{"full_name":"%s"},"pusher":{"name":"%s"}}' \
  "$branch" "$before" "$after" "$created" "$full_name" "${USER:-ocore}")
signature=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" | sed 's/^.* //')
delivery=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || date +%s%N)

answer=$(curl -sS -w '\n%{http_code}' "$webhook_url" \
  -H 'Content-Type: application/json' \
  -H 'X-GitHub-Event: push' \
  -H "X-GitHub-Delivery: $delivery" \
  -H "X-Hub-Signature-256: sha256=$signature" \
  --data-binary "$body") || fail "could not reach $webhook_url (is ocore dev running?)"
status=${answer##*$'\n'}
response=${answer%$'\n'*}
echo "POST $webhook_url ($branch at ${after:0:12}): HTTP $status $response" >&2
case $status in
  # 202 lists {"name": ...} per queued Deployment.
  202) grep -o '"name":"[^"]*"' <<<"$response" | cut -d'"' -f4 ;;
  # 200 "duplicate": the Deployment exists already (this push was delivered before, or polling found the commit first).
  200) grep -o 'already queued: [^;"]*' <<<"$response" | sed 's/^already queued: //' | tr ',' '\n' | tr -d ' ' ;;
  *) exit 1 ;;
esac
