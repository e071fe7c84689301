package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * {@code image ls}.
 *
 * @param image a rootfs squashfs ({@code ASSETS_DIR/ARCH/rootfs.squashfs})
 * @param path the file or folder inside the image to list, or empty for all of it
 */
public record ImageLsRequest(GivenPath image, String path) {

  public ImageLsRequest {
    Objects.requireNonNull(image, "image");
    path = path == null ? "" : path;
  }
}
