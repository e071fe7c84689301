package dev.capsem.core.api;

import dev.capsem.core.diag.Report;
import java.util.List;

/**
 * A release in a registry, as a push left it or a pull found it ({@code capsem.release-push.v1},
 * {@code capsem.release-pull.v1}).
 *
 * @param reference the artifact's reference, or null when nothing was pushed or pulled
 * @param manifestDigest the artifact manifest's digest, or null likewise
 * @param files every file of the artifact with its blob
 */
public record RegistryRelease(
    String reference,
    String manifestDigest,
    List<File> files,
    String json,
    String text,
    List<String> failures,
    List<String> summary)
    implements Report {

  public RegistryRelease {
    files = List.copyOf(files);
    failures = List.copyOf(failures);
    summary = List.copyOf(summary);
  }

  /**
   * One file of the artifact.
   *
   * @param name its path in the release folder
   * @param digest its blob's {@code sha256:} digest
   * @param url its blob URL, which a catalog may name
   */
  public record File(String name, String digest, long size, String url) {}
}
