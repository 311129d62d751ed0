#!/usr/bin/env bash
# Installs the Debian packages the tests and the demo use, when they are missing:
# the distribution registry, skopeo, umoci and runc (real image tooling, no Docker daemon),
# gcc with a static C library (the stand-in dotnet builds a real executable), python3 (the
# stand-in dotnet itself) and GNU tar.
set -euo pipefail

needed=()
command -v docker-registry >/dev/null 2>&1 || [ -x /usr/bin/docker-registry ] || needed+=(docker-registry)
command -v skopeo >/dev/null 2>&1 || needed+=(skopeo)
command -v umoci >/dev/null 2>&1 || needed+=(umoci)
command -v runc >/dev/null 2>&1 || [ -x /usr/sbin/runc ] || needed+=(runc)
command -v gcc >/dev/null 2>&1 || needed+=(gcc)
[ -f /usr/lib/x86_64-linux-gnu/libc.a ] || ls /usr/lib/*/libc.a >/dev/null 2>&1 || needed+=(libc6-dev)
command -v python3 >/dev/null 2>&1 || needed+=(python3)
command -v tar >/dev/null 2>&1 || needed+=(tar)
command -v mvn >/dev/null 2>&1 || needed+=(maven)

if [ ${#needed[@]} -gt 0 ]; then
  echo "installing: ${needed[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${needed[@]}"
fi
