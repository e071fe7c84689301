package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.enforcement.ConditionCompiler;
import dev.capsem.core.internal.enforcement.NpmRegistryProbe;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.profile.Profile;
import java.util.List;

/**
 * W001: npm packages declared but no profile rule permits the npm registry (profile-settings.md
 * §2.3): a synthetic {@code GET https://registry.npmjs.org/} goes through the profile's HTTP rules
 * and its egress catch-all, and anything but {@code allow} is worth a warning, since the build (and
 * the CLIs' self-updates) would be blocked or asked about.
 */
public final class NpmRegistryCheck {

  private NpmRegistryCheck() {}

  /** W001 findings for {@code profile} (shown as {@code profileShown}). */
  public static List<Diagnostic> check(Profile profile, String profileShown) {
    if (profile.packages().nodePackages().isEmpty()
        || NpmRegistryProbe.permitsRegistry(profile.security(), new ConditionCompiler())) {
      return List.of();
    }
    ObjectNode.Member nodePackages = profile.document().object("packages").member("node_packages");
    return List.of(
        new Diagnostic(
            Code.W001,
            profileShown,
            "packages.node_packages",
            nodePackages == null ? null : nodePackages.keyPosition(),
            NpmRegistryProbe.MESSAGE));
  }
}
