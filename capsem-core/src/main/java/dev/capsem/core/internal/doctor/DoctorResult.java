package dev.capsem.core.internal.doctor;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.profile.Profile;
import java.util.List;

/**
 * The doctor's findings. {@code ok} when every check passed and there is no diagnostic.
 *
 * @param profile the planned profile, when one was given and it planned
 * @param packageContractHash its package-contract hash, when it planned
 */
public record DoctorResult(
    boolean ok,
    List<DoctorCheck> checks,
    List<Diagnostic> diagnostics,
    Profile profile,
    String packageContractHash,
    boolean profileRequested,
    ObjectNode report) {

  public DoctorResult {
    checks = List.copyOf(checks);
    diagnostics = List.copyOf(diagnostics);
  }
}
