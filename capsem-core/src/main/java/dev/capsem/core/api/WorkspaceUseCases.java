package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;

/** {@code capsem-admin workspace ...}: the guest-config workspace the image templates consume. */
public interface WorkspaceUseCases {

  /**
   * Lints {@code dir/config} (and, when given, the guest artifacts folder) with every upstream
   * check under our codes.
   *
   * @param artifacts the artifacts folder, or null
   */
  Outcome<TextReport> validate(GivenPath dir, GivenPath artifacts);
}
