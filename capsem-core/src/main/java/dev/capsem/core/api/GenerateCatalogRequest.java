package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Map;
import java.util.Objects;

/**
 * {@code manifest generate}: a profile catalog from a folder of Profile V2 payloads.
 *
 * @param profilesDir the payloads ({@code .json} and {@code .toml}, searched recursively)
 * @param profilesDirAsGiven the folder as the user named it
 * @param baseUrl where the folder is published, or {@code null} for {@code file://} URLs
 * @param statusOverrides {@code id@revision} to {@code active}, {@code deprecated} or {@code
 *     revoked}
 * @param currentOverrides profile id to its current revision
 * @param out the file to write, or {@code null} to print
 * @param outAsGiven the file as the user named it
 * @param force overwrite an existing {@code out}
 */
public record GenerateCatalogRequest(
    GivenPath profilesDir,
    String baseUrl,
    Map<String, String> statusOverrides,
    Map<String, String> currentOverrides,
    GivenPath out,
    boolean force) {

  public GenerateCatalogRequest {
    Objects.requireNonNull(profilesDir, "profilesDir");
    statusOverrides = Map.copyOf(statusOverrides);
    currentOverrides = Map.copyOf(currentOverrides);
  }
}
