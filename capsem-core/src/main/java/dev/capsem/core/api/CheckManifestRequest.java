package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code manifest check}.
 *
 * @param manifest the catalog to check
 * @param manifestAsGiven the catalog as the user named it
 * @param download fetch and verify everything ({@code --download}) instead of looking ({@code
 *     --fast})
 * @param downloadDir where verified downloads are kept, or {@code null} for a new temporary folder
 * @param downloadDirAsGiven the folder as the user named it
 * @param publicKey the minisign key every signature must verify against, or {@code null}
 * @param allowLegacySignatures accept legacy {@code Ed} signatures
 * @param previous the previously published catalog to compare with (ours), or {@code null}
 * @param previousAsGiven the previous catalog as the user named it
 */
public record CheckManifestRequest(
    GivenPath manifest,
    boolean download,
    GivenPath downloadDir,
    Path publicKey,
    boolean allowLegacySignatures,
    GivenPath previous) {

  public CheckManifestRequest {
    Objects.requireNonNull(manifest, "manifest");
  }
}
