#!/usr/bin/env bash
# Installs the Debian packages the tests run for real: sshd (openssh-server), ssh and ssh-keygen (openssh-client) and
# git for the OCore.Git tests; chromium and chromedriver (chromium-driver) for the dashboard's browser tests.
# Idempotent: apt-get runs only when one of the binaries is missing.
set -euo pipefail

missing=()
# sshd lives in /usr/sbin, which a non-login PATH may lack.
if ! command -v sshd >/dev/null 2>&1 && [[ ! -x /usr/sbin/sshd ]]; then missing+=(openssh-server); fi
if ! command -v ssh >/dev/null 2>&1 || ! command -v ssh-keygen >/dev/null 2>&1; then missing+=(openssh-client); fi
if ! command -v git >/dev/null 2>&1; then missing+=(git); fi
if ! command -v chromium >/dev/null 2>&1; then missing+=(chromium); fi
if ! command -v chromedriver >/dev/null 2>&1; then missing+=(chromium-driver); fi

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "openssh-server, openssh-client, git, chromium and chromium-driver already installed"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "installed: ${missing[*]}"
