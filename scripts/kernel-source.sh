#!/usr/bin/env bash
# Fetches a Linux kernel source tarball from the Debian archive (kernel.org is often unreachable
# from build machines; deb.debian.org usually is) and prints the two options image builds take:
#   --kernel-source <tarball> --kernel-sha256 <hex>
# Usage: scripts/kernel-source.sh [--env] [debian-package] [cache-dir]
#   --env:          print `export CAPSEM_KERNEL_SOURCE=... CAPSEM_KERNEL_SHA256=...` instead (for
#                   eval; the real-build tests then compile the kernel too)
#   debian-package: linux-source-6.12 (default) or linux-source-6.1, as `apt-cache search linux-source` lists
#   cache-dir:      where the tarball is kept (default: ~/.cache/capsem/kernel)
set -euo pipefail

as_env=false
if [ "${1:-}" = "--env" ]; then
  as_env=true
  shift
fi
package="${1:-linux-source-6.12}"
cache="${2:-${XDG_CACHE_HOME:-$HOME/.cache}/capsem/kernel}"
mkdir -p "$cache"
tarball="$cache/${package}.tar.xz"

if [ ! -s "$tarball" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  if ! (cd "$work" && apt-get download "$package" >/dev/null 2>&1); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    (cd "$work" && apt-get download "$package" >/dev/null)
  fi
  deb="$(ls "$work"/*.deb)"
  dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work" --wildcards "./usr/src/${package}.tar.xz"
  mv "$work/usr/src/${package}.tar.xz" "$tarball.partial"
  mv "$tarball.partial" "$tarball"
  echo "kernel-source: $(basename "$deb") -> $tarball" >&2
fi
sha256="$(sha256sum "$tarball" | cut -d' ' -f1)"
if $as_env; then
  echo "export CAPSEM_KERNEL_SOURCE=$tarball CAPSEM_KERNEL_SHA256=$sha256"
else
  echo "--kernel-source $tarball --kernel-sha256 $sha256"
fi
