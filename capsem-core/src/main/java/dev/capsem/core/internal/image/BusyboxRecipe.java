package dev.capsem.core.internal.image;

import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import java.util.Optional;

/**
 * The image the initrd's static busybox is copied from, at {@link #BUSYBOX}. For the engine's own
 * platform it is Debian's {@code busybox-static} installed in the base image ({@link
 * ToolImages#busyboxDockerfile}); for a foreign target the target's package is downloaded through
 * Debian multiarch and unpacked with {@code dpkg-deb} in a container of the engine's platform, so
 * no emulation is needed. Both give the package's own bytes.
 *
 * @param enginePlatform the engine's platform, or null when unknown (then native)
 */
record BusyboxRecipe(ArchConfig arch, String enginePlatform) {

  /** Where the image holds the binary. */
  static final String BUSYBOX = "/bin/busybox";

  /** The target's Debian architecture when its busybox is fetched across; empty for native. */
  Optional<CrossToolchain> cross() {
    return CrossToolchain.across(enginePlatform, arch.dockerPlatform());
  }

  /** The platform the image is built and read on. */
  String platform() {
    return cross().isPresent() ? enginePlatform : arch.dockerPlatform();
  }

  String dockerfile() {
    Optional<CrossToolchain> cross = cross();
    if (cross.isEmpty()) {
      return ToolImages.busyboxDockerfile(arch.dockerPlatform(), arch.baseImage());
    }
    String debianArch = cross.get().debianArch();
    return "# Static busybox for a Capsem initrd ("
        + arch.dockerPlatform()
        + "), unpacked on "
        + enginePlatform
        + " by capsem-java.\n"
        + "FROM --platform="
        + enginePlatform
        + ' '
        + arch.baseImage()
        + " AS fetch\n"
        + "RUN dpkg --add-architecture "
        + debianArch
        + " \\\n"
        + " && apt-get update "
        + RootfsRecipe.APT_CLOCK_OPTIONS
        + " \\\n"
        + " && cd /tmp && apt-get download busybox-static:"
        + debianArch
        + " \\\n"
        + " && dpkg-deb -x busybox-static_*_"
        + debianArch
        + ".deb /tmp/busybox \\\n"
        // usrmerge'd releases ship it under /usr/bin.
        + " && install -D -m 0755 \"$(ls /tmp/busybox/bin/busybox /tmp/busybox/usr/bin/busybox"
        + " 2>/dev/null | head -n 1)\" /out/busybox \\\n"
        + " && rm -rf /var/lib/apt/lists/* /tmp/busybox /tmp/busybox-static_*.deb\n"
        + BuildRun.buildLabel()
        + "FROM scratch\n"
        + "COPY --from=fetch /out/busybox "
        + BUSYBOX
        + "\n"
        + BuildRun.buildLabel();
  }
}
