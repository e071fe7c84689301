#!/usr/bin/env bash
# Installs what the tests and the example need on a fresh Debian machine, idempotently:
# the real minisign and b3sum CLIs (interoperability tests), squashfs-tools, attr and cpio (image
# checks: mksquashfs/unsquashfs are the squashfs reader's and writer's yardstick, setfattr tags files),
# debootstrap and the Docker engine (image builds), a JDK and Maven when absent; then starts the
# engine and makes the base image (scripts/container-engine.sh).
set -euo pipefail

packages=(minisign b3sum squashfs-tools attr cpio debootstrap docker.io curl ca-certificates)
command -v java >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || packages+=(maven)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: $(minisign -v 2>&1 | head -1), $(b3sum --version), $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"

# The Docker engine and the base image the image builds start from (no image registry is reachable).
"$(dirname "${BASH_SOURCE[0]}")/container-engine.sh"
