package dev.capsem.core.internal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.DiagnosticText;
import dev.capsem.core.testing.Conformance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upstream's legacy linter ({@code capsem-builder validate}) on its captured cases: ours finds the
 * same things under our codes (the catalogue's mapping table), with positions.
 */
class LegacyValidateConformanceTest {

  /** Upstream codes that ours renumbers (docs/diagnostics.md, "upstream code → our code"). */
  private static final Map<String, String> RENUMBERED =
      Map.of("E001", "E016", "E300", "E304", "W001", "W014", "W003", "W005", "W005", "W015");

  private static final Pattern UPSTREAM_LINE =
      Pattern.compile("(error|warning): \\[(\\w+)] (\\S+): (.*)");

  private record Finding(String code, String file, String message) {}

  @ParameterizedTest
  @ValueSource(strings = {"multi-issue", "duplicate-keys"})
  void lint_capturedCase_findsWhatUpstreamFindsInOurCodes(String name) throws Exception {
    Path cases = Conformance.file("captured/f1a612a3/legacy-validate");
    WorkspaceLint lint = WorkspaceLinter.lint(cases.resolve(name), name, null, null);

    List<Finding> expected = new ArrayList<>();
    for (String line :
        Conformance.text("captured/f1a612a3/legacy-validate/" + name + ".expected-stdout.txt")
            .split("\n")) {
      Matcher m = UPSTREAM_LINE.matcher(line);
      if (m.matches()) {
        String code = RENUMBERED.getOrDefault(m.group(2), m.group(2));
        String file = m.group(3);
        if (code.equals("E304")) {
          file = "config/build.toml"; // ours points at the declaration, not at the missing file
        }
        expected.add(new Finding(code, file, m.group(4)));
      }
    }
    expected.sort(
        Comparator.comparing((Finding f) -> Code.valueOf(f.code()).severity())
            .thenComparing(f -> Code.valueOf(f.code())));

    List<Finding> actual = new ArrayList<>();
    for (Diagnostic d : lint.diagnostics()) {
      assertThat(d.position()).as("position of %s", DiagnosticText.human(d)).isNotNull();
      actual.add(new Finding(d.code().name(), d.file(), d.message()));
    }
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      Finding want = expected.get(i);
      Finding got = actual.get(i);
      assertThat(got.code()).isEqualTo(want.code());
      assertThat(got.file()).isEqualTo(want.file());
      if (want.code().equals("W005")) {
        // Ours adds the redacted prefix of the secret to upstream's text.
        assertThat(got.message()).startsWith(want.message() + " (").doesNotContain("realkey");
      } else {
        assertThat(got.message()).isEqualTo(want.message());
      }
    }
    String exit =
        Conformance.text("captured/f1a612a3/legacy-validate/" + name + ".expected-exit.txt")
            .strip();
    assertThat("exit=" + (lint.ok() ? 0 : 1)).isEqualTo(exit);
    assertThat(lint.summary())
        .isEqualTo(lint.errorCount() + " error(s), " + lint.warningCount() + " warning(s)");
  }

  @Test
  void lint_upstreamGuestConfig_isClean() throws Exception {
    Path guest = Conformance.file("guest");

    WorkspaceLint lint = WorkspaceLinter.lint(guest, "guest", null, null);

    assertThat(lint.diagnostics()).isEmpty();
    assertThat(lint.summary()).isEqualTo("passed: config is clean");
    assertThat(lint.config().providers()).containsOnlyKeys("anthropic", "google", "openai");
    assertThat(lint.config().packageSets().get("apt").packages()).hasSize(31);
  }
}
