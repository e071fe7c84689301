package dev.capsem.core.internal.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.testing.Conformance;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code --previous}: replaced payloads, a current revision moved back, vanished revisions. */
class CatalogHistoryTest {

  private static final String EXPECTED =
      "generated/manifest-signing/catalog/expected-manifest.json";

  private static ProfileCatalog catalog(String text) {
    CatalogCheck check = CatalogReader.read(text.getBytes(StandardCharsets.UTF_8), "m.json");
    assertThat(check.diagnostics()).isEmpty();
    return check.catalog();
  }

  @Test
  void compare_sameCatalog_isClean() {
    ProfileCatalog published = catalog(Conformance.text(EXPECTED));
    assertThat(CatalogHistory.compare(published, published, "m.json")).isEmpty();
  }

  @Test
  void compare_payloadReplacedUnderSameRevision_isE415() {
    String previous = Conformance.text(EXPECTED);
    String current = previous.replace("blake3:7fb4ac69", "blake3:00000000");
    assertThat(CatalogHistory.compare(catalog(previous), catalog(current), "m.json"))
        .extracting(Diagnostic::code, Diagnostic::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Code.E415, "profiles.corp-dev.revisions.2026.0520.2.profile_hash"));
  }

  @Test
  void compare_currentMovedBackwards_isE416() {
    String previous = Conformance.text(EXPECTED).replace("\"deprecated\"", "\"active\"");
    String current =
        previous.replace(
            "\"current_revision\": \"2026.0520.10\"", "\"current_revision\": \"2026.0520.2\"");
    assertThat(CatalogHistory.compare(catalog(previous), catalog(current), "m.json"))
        .extracting(Diagnostic::code, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Code.E416,
                "corp-dev: current revision moved backwards from 2026.0520.10 to 2026.0520.2"));
  }

  @Test
  void compare_activeRevisionVanished_isE417_butADeprecatedOneMayGo() {
    String previous = Conformance.text(EXPECTED);
    String withoutZeta =
        previous.substring(0, previous.indexOf(",\n    \"zeta-team\"")) + "\n  }\n}\n";
    String withoutDeprecated =
        previous.replaceFirst(
            "(?s)\"2026\\.0520\\.2\": \\{.*?\\},\n\\s*(\"2026\\.0520\\.10\")", "$1");
    assertThat(CatalogHistory.compare(catalog(previous), catalog(withoutZeta), "m.json"))
        .extracting(Diagnostic::code, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Code.E417,
                "zeta-team@2026.0521.1 was active and is no longer in the catalog; deprecate or"
                    + " revoke it instead"));
    assertThat(CatalogHistory.compare(catalog(previous), catalog(withoutDeprecated), "m.json"))
        .isEmpty();
  }

  @Test
  void compare_revokedRevisionActiveAgain_isE576AtItsStatus() {
    String current = Conformance.text(EXPECTED);
    String previous = current.replaceFirst("\"deprecated\"", "\"revoked\"");
    assertThat(previous).isNotEqualTo(current);

    assertThat(CatalogHistory.compare(catalog(previous), catalog(current), "m.json"))
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Code.E576,
                "profiles.corp-dev.revisions.2026.0520.2.status",
                "corp-dev@2026.0520.2 was revoked in the previous catalog and is deprecated now; a"
                    + " revoked revision stays revoked (publish a new revision)"));
    String reactivated = current.replaceFirst("\"deprecated\"", "\"active\"");
    assertThat(CatalogHistory.compare(catalog(previous), catalog(reactivated), "m.json"))
        .extracting(Diagnostic::code)
        .containsExactly(Code.E576);
    assertThat(CatalogHistory.compare(catalog(previous), catalog(previous), "m.json")).isEmpty();
  }
}
