#!/usr/bin/env bash
# The test command: prepares the machine, then runs every test of the reactor on Java 17,
# and the unit tests again on Java 25 when that JDK is installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The arm64 base image (a debootstrap through qemu-user, minutes) serves only the opt-in arm64 build
# below: made when CAPSEM_ARM64_BUILD=1, else not.
if [ -z "${CAPSEM_FOREIGN_ARCHES:-}" ] && [ "${CAPSEM_ARM64_BUILD:-}" != 1 ]; then
  export CAPSEM_FOREIGN_ARCHES=none
fi
scripts/setup-machine.sh

# The invoker's real-build scenarios compile a tiny kernel from this Debian source tarball (fetched
# once, then cached), and the boot tests the guest kit's kernel (it/target/kit-image, built once).
# The upstream-config kernel test, a second kit kernel built without squashfs and the kit's
# defconfig through `make olddefconfig` of this source and of the older long-term one kept beside it
# (KitDefconfigTest) take a kernel compile or two unpacked sources each: opt in with
# CAPSEM_KERNEL_BUILD=1.
kernel="$(scripts/kernel-source.sh | awk '{print $2}')"
if [ "${CAPSEM_KERNEL_BUILD:-}" = 1 ]; then
  scripts/kernel-source.sh linux-source-6.1 >/dev/null
  eval "$(scripts/kernel-source.sh --env)"
fi

# The arm64 build (it ImageBuildArm64RealTest: the kernel cross-compiled and the rootfs built through
# qemu-user, twice, then booted under qemu-system-aarch64) takes long on two cores: opt in with
# CAPSEM_ARM64_BUILD=1 (the test reads it; scripts/setup-machine.sh above prepared binfmt, the arm64
# base image and QEMU).

# The releases from nothing (FirstImageFromNothingTest, the README's release program, the release
# booted before signing, the supply chain's push, pull and locked rebuild) each build an image with
# the default Debian kernel source or twice without cache, and the whole rootfs through mksquashfs
# against our writer (ImageBuildRealTest): opt in with CAPSEM_SLOW_IT=1.

mvn -B verify -Dcapsem.it.kernelSource="$kernel"

# A few seconds of coverage-guided fuzzing per parser (the regression run over the checked-in
# inputs is part of verify); scripts/fuzz.sh alone runs the long campaign.
scripts/fuzz.sh --duration 2s

jdk25=/usr/lib/jvm/temurin-25-jdk-amd64
if [ -x "$jdk25/bin/java" ]; then
  echo "test: again on $("$jdk25/bin/java" -version 2>&1 | head -1)"
  # The unit tests of the core, the signing adapter and the command line; the container adapter's
  # tests, which time real image builds more than the JVM, run on Java 17 above.
  JAVA_HOME="$jdk25" mvn -B verify -pl capsem-core,capsem-signing,capsem-cli -am \
    -Dtest='dev.capsem.core.**,dev.capsem.signing.**,dev.capsem.cli.**' \
    -Dsurefire.failIfNoSpecifiedTests=false
else
  echo "test: WARNING: no Java 25 JDK at $jdk25; the Java 25 pass did not run" >&2
fi
