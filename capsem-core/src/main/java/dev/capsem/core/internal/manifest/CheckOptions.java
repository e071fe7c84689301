package dev.capsem.core.internal.manifest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code manifest check} runs.
 *
 * @param download {@code --download} (fetch and verify everything) rather than {@code --fast}
 * @param downloadDir where verified downloads are kept (download mode)
 * @param downloadDirShown the folder as reports name it
 * @param publicKey the minisign public key that signatures must verify against, or {@code null}
 * @param allowLegacySignatures accept legacy {@code Ed} signatures (off by default, decision D7)
 * @param timeout per request: upstream's 5 s in fast mode, 30 s in download mode
 */
public record CheckOptions(
    boolean download,
    Path downloadDir,
    String downloadDirShown,
    Path publicKey,
    boolean allowLegacySignatures,
    Duration timeout) {

  public static final Duration FAST_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);

  public CheckOptions {
    Objects.requireNonNull(timeout, "timeout");
    if (download) {
      Objects.requireNonNull(downloadDir, "downloadDir");
      Objects.requireNonNull(downloadDirShown, "downloadDirShown");
    }
  }

  /** {@code --fast}: HEAD requests and local files, no download. */
  public static CheckOptions fast() {
    return new CheckOptions(false, null, null, null, false, FAST_TIMEOUT);
  }

  /** {@code --download} into {@code dir}, verifying signatures when {@code publicKey} is set. */
  public static CheckOptions download(
      Path dir, String dirShown, Path publicKey, boolean allowLegacySignatures) {
    return new CheckOptions(
        true, dir, dirShown, publicKey, allowLegacySignatures, DOWNLOAD_TIMEOUT);
  }
}
