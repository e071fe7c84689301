package dev.capsem.core.api;

import java.nio.file.Path;

/** {@code capsem-admin workspace ...}: the guest-config workspace the image templates consume. */
public interface WorkspaceUseCases {

  /**
   * Lints {@code dir/config} (and, when given, the guest artifacts folder) with every upstream
   * check under our codes.
   */
  WorkspaceValidation validate(
      Path dir, String dirAsGiven, Path artifacts, String artifactsAsGiven);
}
