package dev.capsem.core.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.DiagnosticText;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.testing.Conformance;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 15, finding 1: values that reach a build follow a grammar, reported at their line. */
class BuildValueGrammarTest {

  private static final String CODING = "config/profiles/base/coding.profile.toml";

  /** The coding profile with one line replaced, read as TOML. */
  private static ProfileCheck withLine(String line, String replacement) {
    String text = Conformance.text(CODING);
    assertThat(text).contains(line);
    byte[] bytes = text.replace(line, replacement).getBytes(StandardCharsets.UTF_8);
    return ProfileReader.check(InputDocument.parse(bytes, "p.toml", false), "p.toml");
  }

  private static int lineOf(String text, String needle) {
    String before = text.substring(0, text.indexOf(needle));
    return (int) before.chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void check_theIssuesReleaseReproducer_isE570AtTheValue() {
    ProfileCheck check =
        withLine(
            "release = \"bookworm\"", "release = \"bookworm-slim\\nRUN echo INJECTED > /i\\n#\"");

    assertThat(check.profile()).isNull();
    List<Diagnostic> errors = check.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertThat(errors).hasSize(1);
    Diagnostic d = errors.get(0);
    assertThat(d.code()).isEqualTo(Code.E570);
    assertThat(d.path()).isEqualTo("packages.system.release");
    assertThat(d.position().line()).isEqualTo(lineOf(Conformance.text(CODING), "release = "));
    assertThat(d.position().column()).isEqualTo(11);
    // The value is echoed on one line: a raw line break would forge the next diagnostic line.
    assertThat(DiagnosticText.human(d))
        .doesNotContain("\n")
        .contains("'bookworm-slim\\nRUN echo INJECTED > /i\\n#'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "git = \"*\"|git = \"2.39\\n2\"|packages.system.apt.git",
        "requests = \"*\"|requests = \"2.0; rm -rf /\"|packages.python_modules.requests",
        "\"@openai/codex\" = \"*\"|\"@openai/codex\" = \"1.0 $(id)\"|packages.node_packages.@openai/codex",
        "node = \"24\"|node = \"24\\nRUN id\"|packages.runtimes.node",
        "git = \"*\"|\"git\\nRUN id\" = \"*\"|packages.system.apt.git\\nRUN id.[key]",
        "requests = \"*\"|\"--index-url=http://evil\" = \"*\"|packages.python_modules.--index-url=http://evil.[key]",
      })
  void check_hostileVersionOrName_isE570AtItsLine(String line, String replacement, String path) {
    ProfileCheck check = withLine(line, replacement);

    assertThat(check.profile()).isNull();
    assertThat(check.diagnostics())
        .filteredOn(Diagnostic::isError)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isIn(Code.E570, Code.E012);
              assertThat(d.path()).isEqualTo(path.replace("\\n", "\n"));
              assertThat(d.position()).isNotNull();
              assertThat(d.position().line()).isEqualTo(lineOf(Conformance.text(CODING), line));
            });
  }

  @Test
  void check_registryBlobUrl_isAnAssetUrl() {
    String url = "https://assets.example.invalid/capsem/profiles/coding/2026.0520.1/arm64/kernel\"";
    String blob =
        "https://registry.example.com/v2/capsem/coding/blobs/sha256:"
            + "0123456789abcdef".repeat(4);

    ProfileCheck check = withLine(url, blob + "\"");

    assertThat(check.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    assertThat(check.profile()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://registry.example.com/v2/capsem/coding/blobs/sha256:0123",
        "https://registry.example.com/v2/capsem/coding/blobs/sha512:0123",
        "https://registry.example.com/v2/capsem/coding/blobs/sha256:..",
        "https://assets.example.invalid/kernel:latest"
      })
  void check_digestLikeButNotABlobDigest_isE570(String replacement) {
    ProfileCheck check =
        withLine(
            "https://assets.example.invalid/capsem/profiles/coding/2026.0520.1/arm64/kernel\"",
            replacement + "\"");

    assertThat(check.diagnostics())
        .filteredOn(Diagnostic::isError)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(Code.E570);
              assertThat(d.path()).isEqualTo("vm.assets.arm64.kernel.url");
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "git = \"*\" => git = \"1:2.39.5-0+deb12u2\"",
        "git = \"*\" => git = \">=2.39, <3\"",
        "requests = \"*\" => requests = \"~=2.32\"",
        "requests = \"*\" => requests = \"1!2.0.post1+local.1\"",
        "\"@openai/codex\" = \"*\" => \"@openai/codex\" = \"^1.2.3 || 2.x\"",
        "\"@openai/codex\" = \"*\" => \"@openai/codex\" = \"next\"",
        "release = \"bookworm\" => release = \"trixie\"",
        "node = \"24\" => node = \"22.1.0\"",
      })
  void check_realVersionsAndRanges_areAccepted(String line, String replacement) {
    ProfileCheck check = withLine(line, replacement);

    assertThat(check.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    assertThat(check.profile()).isNotNull();
  }

  @Test
  void check_everyConformanceProfile_passesTheGrammar() {
    for (String profile :
        List.of(
            CODING,
            "config/profiles/base/everyday-work.profile.toml",
            "schemas/fixtures/profile-v2-valid.json")) {
      ProfileCheck check = ProfileReader.read(Conformance.file(profile), profile);
      assertThat(check.diagnostics()).as(profile).noneMatch(d -> d.code() == Code.E570);
    }
  }
}
