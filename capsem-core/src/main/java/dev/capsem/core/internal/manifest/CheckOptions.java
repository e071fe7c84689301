package dev.capsem.core.internal.manifest;

import dev.capsem.core.ports.TransferPace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code manifest check} runs.
 *
 * @param download {@code --download} (fetch and verify everything) rather than {@code --fast}
 * @param downloadDir where verified downloads are kept (download mode)
 * @param downloadDirShown the folder as reports name it
 * @param publicKey the minisign public key that signatures must verify against, or {@code null};
 *     the catalog's own signature is then verified first (decision D20)
 * @param allowLegacySignatures accept legacy {@code Ed} signatures (off by default, decision D7)
 * @param timeout per request, for the response's head: upstream's 5 s in fast mode, 30 s in
 *     download mode
 * @param pace how slowly a body may arrive (ours: upstream's 30 s cut every download, however
 *     steady, so a large rootfs could never be checked over an ordinary link)
 * @param catalogFile the catalog file itself, whose {@code .minisig} is verified with {@code
 *     publicKey}, or {@code null}
 */
public record CheckOptions(
    boolean download,
    Path downloadDir,
    String downloadDirShown,
    Path publicKey,
    boolean allowLegacySignatures,
    Duration timeout,
    TransferPace pace,
    Path catalogFile) {

  public static final Duration FAST_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);

  /**
   * No byte for 30 s, or less than 8 KiB/s (64 kbit/s) on average over a minute, ends a download; a
   * 450 MB rootfs at 150 kB/s (50 minutes) passes.
   */
  public static final TransferPace DOWNLOAD_PACE =
      new TransferPace(Duration.ofSeconds(30), 8 * 1024, Duration.ofSeconds(60));

  public CheckOptions {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(pace, "pace");
    if (download) {
      Objects.requireNonNull(downloadDir, "downloadDir");
      Objects.requireNonNull(downloadDirShown, "downloadDirShown");
    }
  }

  /** {@code --fast}: HEAD requests and local files, no download. */
  public static CheckOptions fast() {
    return new CheckOptions(
        false, null, null, null, false, FAST_TIMEOUT, TransferPace.idle(FAST_TIMEOUT), null);
  }

  /** {@code --download} into {@code dir}, verifying signatures when {@code publicKey} is set. */
  public static CheckOptions download(
      Path dir, String dirShown, Path publicKey, boolean allowLegacySignatures) {
    return new CheckOptions(
        true,
        dir,
        dirShown,
        publicKey,
        allowLegacySignatures,
        DOWNLOAD_TIMEOUT,
        DOWNLOAD_PACE,
        null);
  }

  /** The same options, with the catalog file whose signature {@code publicKey} verifies. */
  public CheckOptions withCatalogFile(Path file) {
    return new CheckOptions(
        download,
        downloadDir,
        downloadDirShown,
        publicKey,
        allowLegacySignatures,
        timeout,
        pace,
        file);
  }

  /** The same options with another pace (tests make it seconds instead of minutes). */
  public CheckOptions withPace(Duration headTimeout, TransferPace other) {
    return new CheckOptions(
        download,
        downloadDir,
        downloadDirShown,
        publicKey,
        allowLegacySignatures,
        headTimeout,
        other,
        catalogFile);
  }
}
