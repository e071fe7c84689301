package dev.capsem.core.image;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.profile.Profile;
import java.util.List;

/**
 * W001: npm packages declared but no profile rule permits the npm registry (profile-settings.md
 * §2.3, the probe of a synthetic {@code GET https://registry.npmjs.org/} through the profile's HTTP
 * rules). The probe needs the CEL evaluator, which the enforcement use cases bring; until it is
 * plugged in here this check finds nothing. {@code image plan}, {@code image build} (dry runs
 * included) and {@code image build-workspace} already report whatever it returns.
 */
public final class NpmRegistryCheck {

  private NpmRegistryCheck() {}

  /** W001 findings for {@code profile} (shown as {@code profileShown}). */
  public static List<Diagnostic> check(Profile profile, String profileShown) {
    return List.of();
  }
}
