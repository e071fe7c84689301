#!/usr/bin/env bash
# Installs what the tests and the example need on a fresh Debian machine, idempotently:
# the real minisign and b3sum CLIs (interoperability tests), squashfs-tools, attr and cpio (image
# checks: mksquashfs/unsquashfs are the squashfs reader's and writer's yardstick, setfattr tags files),
# debootstrap and the Docker engine (image builds), Debian's docker-registry with htpasswd and openssl
# (the registry tests start it on loopback), QEMU for x86_64 and a static busybox (the boot test
# boots built images; the VM contract's guest runs on busybox), qemu-user with its binfmt_misc
# handlers (the rootfs of a foreign architecture, arm64 on x86_64), qemu-system-aarch64 (booting an
# arm64 image), a JDK and Maven when absent; sets transparent huge pages to always (compiles run
# about a fifth faster); then starts the engine and makes the base images
# (scripts/container-engine.sh).
set -euo pipefail
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

packages=(minisign b3sum squashfs-tools attr cpio debootstrap docker.io curl ca-certificates
  docker-registry apache2-utils openssl qemu-system-x86 busybox-static
  qemu-user-static binfmt-support qemu-system-arm)
command -v java >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || packages+=(maven)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: $(minisign -v 2>&1 | head -1), $(b3sum --version), $(qemu-system-x86_64 --version | head -1), $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"

# qemu-user through binfmt_misc, for the rootfs of a foreign architecture: its package scripts run
# under emulation (the kernel and the initrd are cross-built and need none). Machines without systemd
# (containers, CI sandboxes) have binfmt_misc unmounted and the handlers unregistered, so both are
# done here. Docker's containers reach the emulator only through a handler with the F (fix-binary)
# flag, which Debian's qemu-user-static registers.
binfmt=/proc/sys/fs/binfmt_misc
if [ ! -e "$binfmt/register" ]; then
  $sudo mount -t binfmt_misc binfmt_misc "$binfmt" 2>/dev/null ||
    echo "setup: WARNING: cannot mount binfmt_misc; foreign-architecture builds will fail with E309" >&2
fi
host_qemu="qemu-$(uname -m)"
for handler in qemu-aarch64 qemu-x86_64; do
  [ "$handler" = "$host_qemu" ] && continue
  [ -e "$binfmt/register" ] || break
  if ! grep -qx enabled "$binfmt/$handler" 2>/dev/null; then
    $sudo update-binfmts --import "$handler" >/dev/null 2>&1 || true
    $sudo update-binfmts --enable "$handler" >/dev/null 2>&1 || true
  fi
  if grep -qx enabled "$binfmt/$handler" 2>/dev/null; then
    echo "setup: binfmt $handler enabled ($(grep '^flags:' "$binfmt/$handler"))"
  else
    echo "setup: WARNING: binfmt $handler is not enabled; foreign-architecture builds will fail with E309" >&2
  fi
done

# Transparent huge pages for every process, not only those that ask for them (madvise): the
# compiler's heap then takes 2 MiB pages. On a two-core Firecracker VM, where a page fault is dear,
# the guest kernel's compile took 357 s against 451 s (the same tree, make -j2). Only until the next
# boot; CAPSEM_KEEP_THP=1 leaves the machine's setting as it is.
thp=/sys/kernel/mm/transparent_hugepage/enabled
if [ "${CAPSEM_KEEP_THP:-}" != 1 ] && [ -e "$thp" ] && ! grep -q '\[always\]' "$thp"; then
  was="$(sed 's/.*\[\(.*\)\].*/\1/' "$thp")"
  if echo always | $sudo tee "$thp" >/dev/null 2>&1; then
    echo "setup: transparent huge pages set to always, was $was (CAPSEM_KEEP_THP=1 keeps the machine's)"
  else
    echo "setup: note: cannot set transparent huge pages to always; compiles run slower" >&2
  fi
fi

# The Docker engine and the base images the image builds start from (no image registry is reachable):
# the engine's own, and one per foreign architecture that binfmt now runs.
"$(dirname "${BASH_SOURCE[0]}")/container-engine.sh"
