package dev.capsem.core.internal.image.lock;

import dev.capsem.core.internal.json.Nodes;
import dev.capsem.core.internal.oci.PinnedImage;
import java.util.Map;
import java.util.Objects;

/**
 * What one architecture's build resolved.
 *
 * @param baseImage the base image, by digest
 * @param kernel the kernel source, or null when the build compiled none
 * @param apt every Debian package installed (the image's whole dpkg database), by name
 * @param python every Python distribution installed, by its lower-case name
 * @param npm every global npm package installed under the CLI prefix, by name
 */
public record ArchLock(
    PinnedImage baseImage,
    LockedKernel kernel,
    Map<String, Locked> apt,
    Map<String, Locked> python,
    Map<String, Locked> npm) {

  public ArchLock {
    Objects.requireNonNull(baseImage, "baseImage");
    apt = Nodes.ordered(apt);
    python = Nodes.ordered(python);
    npm = Nodes.ordered(npm);
  }
}
