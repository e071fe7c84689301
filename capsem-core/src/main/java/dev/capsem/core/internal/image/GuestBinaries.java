package dev.capsem.core.internal.image;

import dev.capsem.core.diag.GivenPath;
import java.util.List;

/**
 * The prebuilt guest agent binaries (decision D11): a folder laid out {@code <dir>/<arch>/<name>}.
 * A build without them fails (E303) unless the configuration explicitly omits them.
 *
 * @param dir the input folder, or null when {@code omitted}
 * @param omitted build without the agents (the report then carries W017)
 */
public record GuestBinaries(GivenPath dir, boolean omitted) {

  /** The five agents every guest needs, in upstream's order. */
  public static final List<String> NAMES =
      List.of(
          "capsem-pty-agent",
          "capsem-net-proxy",
          "capsem-dns-proxy",
          "capsem-mcp-server",
          "capsem-sysutil");

  public GuestBinaries {
    if (dir == null && !omitted) {
      throw new IllegalArgumentException("guest binaries need a folder unless omitted");
    }
  }

  public static GuestBinaries in(GivenPath dir) {
    return new GuestBinaries(dir, false);
  }

  public static GuestBinaries none() {
    return new GuestBinaries(null, true);
  }
}
