package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.toml.TomlReader;
import dev.capsem.core.testing.Conformance;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The brief's W001 on profiles: npm packages need a rule that lets the build reach the registry.
 */
class NpmRegistryCheckTest {

  private static final String CODING = "config/profiles/base/coding.profile.toml";

  @Test
  void check_npmPackagesAndAskingEgress_warnsAtTheNodePackages() throws Exception {
    String toml = Conformance.text(CODING);
    Profile coding = profile(toml);

    List<Diagnostic> found = NpmRegistryCheck.check(coding, "coding.profile.toml");

    assertThat(found)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(Code.W001);
              assertThat(d.path()).isEqualTo("packages.node_packages");
              assertThat(d.position().line()).isEqualTo(lineOf(toml, "[packages.node_packages]"));
              assertThat(d.message())
                  .isEqualTo(
                      "npm packages declared but no profile rule permits registry access (registry.npmjs.org)");
            });
  }

  @Test
  void check_ruleAllowingTheRegistry_isQuiet() throws Exception {
    String toml =
        Conformance.text(CODING)
            .replace(
                "[security.rules.http]\n",
                "[security.rules.http.allow_npm]\non = \"http.request\"\n"
                    + "if = 'http.request.host == \"registry.npmjs.org\"'\ndecision = \"allow\"\npriority = 5\n");

    assertThat(NpmRegistryCheck.check(profile(toml), "p.toml")).isEmpty();
  }

  @Test
  void check_egressAllowedByCapability_isQuiet() throws Exception {
    String toml =
        Conformance.text(CODING).replace("network_egress = \"ask\"", "network_egress = \"allow\"");

    assertThat(NpmRegistryCheck.check(profile(toml), "p.toml")).isEmpty();
  }

  @Test
  void check_ruleBlockingTheRegistryFirst_stillWarns() throws Exception {
    String toml =
        Conformance.text(CODING)
            .replace("network_egress = \"ask\"", "network_egress = \"allow\"")
            .replace(
                "[security.rules.http]\n",
                "[security.rules.http.no_npm]\non = \"http.request\"\n"
                    + "if = 'http.request.host.endsWith(\"npmjs.org\")'\ndecision = \"block\"\npriority = -5\n");

    assertThat(NpmRegistryCheck.check(profile(toml), "p.toml"))
        .extracting(Diagnostic::code)
        .containsExactly(Code.W001);
  }

  @Test
  void check_noNpmPackages_isQuiet() throws Exception {
    Profile draft =
        profile(Conformance.text("captured/f1a612a3/profile-init/corp-dev.stdout.toml"));

    assertThat(NpmRegistryCheck.check(draft, "corp-dev.profile.toml")).isEmpty();
  }

  private static Profile profile(String toml) throws Exception {
    Profile profile = ProfileReader.check(TomlReader.read(toml), "p.toml").profile();
    assertThat(profile).isNotNull();
    return profile;
  }

  private static int lineOf(String text, String needle) {
    return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
  }
}
