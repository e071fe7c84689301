package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * {@code image cat}.
 *
 * @param image a rootfs squashfs ({@code ASSETS_DIR/ARCH/rootfs.squashfs})
 * @param path the regular file inside the image (symbolic links followed as in the guest)
 * @param out the file to write it to (atomically), or null for the caller's stream
 */
public record ImageCatRequest(GivenPath image, String path, GivenPath out) {

  public ImageCatRequest {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(path, "path");
  }
}
