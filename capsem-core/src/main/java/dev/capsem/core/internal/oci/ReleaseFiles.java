package dev.capsem.core.internal.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Which files of a release folder are published, and the media type each layer gets. */
final class ReleaseFiles {

  private ReleaseFiles() {}

  /**
   * Every regular file under {@code folder} as a {@code /}-separated relative name, sorted; hidden
   * files and folders (a build's {@code .capsem-work}, editors' files) are not part of a release.
   */
  static List<String> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
          .map(path -> folder.relativize(path))
          .filter(ReleaseFiles::visible)
          .map(path -> path.toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private static boolean visible(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return false;
      }
    }
    return true;
  }

  /** The layer media type of a release file, by its name. */
  static String mediaType(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    if (last.endsWith(".minisig")) {
      return "application/vnd.capsem.minisign.signature.v1";
    }
    if (last.endsWith(".intoto.jsonl")) {
      return "application/vnd.dsse.envelope.v1+json";
    }
    if (last.endsWith(".spdx.json")) {
      return "application/spdx+json";
    }
    return switch (last) {
      case "vmlinuz" -> "application/vnd.capsem.kernel.v1";
      case "initrd.img" -> "application/vnd.capsem.initrd.v1+gzip";
      case "rootfs.squashfs" -> "application/vnd.capsem.rootfs.v1.squashfs";
      case "B3SUMS" -> "text/plain; charset=utf-8";
      default ->
          last.endsWith(".json")
              ? "application/json"
              : last.endsWith(".toml") ? "application/toml" : "application/octet-stream";
    };
  }
}
