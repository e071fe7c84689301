#!/usr/bin/env bash
# Boot-to-checks-done of an x86_64 image (the kit's by default) under QEMU with TCG, on this machine's
# cores, with a yardstick measured in the same run: the same kernel booted with an initrd that powers
# off at once.
# Prints every repetition, the medians and their ratio (dev.capsem.bench.BootToChecks).
#
# The image is the one the it module's boot tests build (it/target/kit-image: the guest kit, a small
# profile, Debian's kernel source): built here with the same command when absent, reused otherwise.
#
# Usage: bench/boot.sh            (3 repetitions, TCG)
#        REPS=5 ACCEL=auto bench/boot.sh
#        ASSETS=DIR PROFILE=FILE AGENTS=none bench/boot.sh   (another built image, e.g. the example's
#        release: ASSETS=examples/corp-dev/target/capsem/assets and its release profile; AGENTS=none
#        for an image built without the guest agents)
# Environment: SKIP_BUILD=1 to reuse the jars in target/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
reps=${REPS:-3}
accel=${ACCEL:-tcg}
image="$root/it/target/kit-image"
assets=${ASSETS:-$image/assets}
profile=${PROFILE:-$image/kit-boot.profile.toml}
agents=$([[ ${AGENTS:-} == none ]] && echo no-agents || echo agents)

command -v qemu-system-x86_64 >/dev/null || { echo "qemu-system-x86_64 not found (scripts/setup-machine.sh)" >&2; exit 1; }

if [[ -z ${SKIP_BUILD:-} ]]; then
  (cd "$root" && mvn -B -q -Dstyle.color=never -Pbench -pl bench,capsem-cli -am package \
    -DskipTests -Dspotless.check.skip=true)
fi

if [[ -z ${ASSETS:-} ]] && [[ ! -s "$image/assets/x86_64/rootfs.squashfs" || ! -s "$image/assets/x86_64/vmlinuz" ]]; then
  echo "building the kit image into $image (the kernel compile takes minutes)" >&2
  source_option=$("$root/scripts/kernel-source.sh")
  mkdir -p "$image"
  rm -rf "$image/kit"
  cp "$root/it/src/test/resources/boot/kit-boot.profile.toml" "$image/"
  cp "$root/capsem-core/src/test/resources/dev/capsem/core/testing/capsem-test-ca.crt" "$image/capsem-ca.crt"
  # The kit, as the product ships it (the jar's resources, with their modes from the index).
  kit="$root/capsem-guest-kit/src/main/resources/dev/capsem/kit"
  mkdir -p "$image/kit"
  grep -v '^#' "$kit/kit.index" | while read -r mode path; do
    install -D -m "$mode" "$kit/$path" "$image/kit/$path"
  done
  for name in capsem-pty-agent capsem-net-proxy capsem-dns-proxy capsem-mcp-server capsem-sysutil; do
    install -D -m 755 /dev/stdin "$image/binaries/x86_64/$name" <<AGENT
#!/bin/sh
echo '$name placeholder for x86_64'
AGENT
  done
  build_ca=()
  [[ -f /etc/ssl/certs/ca-certificates.crt ]] && build_ca=(--build-ca /etc/ssl/certs/ca-certificates.crt)
  (cd "$image" && SOURCE_DATE_EPOCH=1776729600 "$root/bin/capsem-admin" image build kit-boot.profile.toml \
    --arch x86_64 --template all --out assets --binary-version 1.0.1776688771 --guest-dir kit \
    --ca capsem-ca.crt --guest-binaries binaries --node-source none --uv-installer none \
    $source_option "${build_ca[@]}" >/dev/null)
fi

echo "boot bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $reps repetitions" >&2
java -cp "$root/bench/target/benchmarks.jar" dev.capsem.bench.BootToChecks \
  "$assets" "$profile" "$reps" "$accel" "$agents"
