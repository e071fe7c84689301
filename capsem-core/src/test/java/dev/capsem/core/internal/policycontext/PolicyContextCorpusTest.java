package dev.capsem.core.internal.policycontext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.DiagnosticText;
import dev.capsem.core.testing.Conformance;
import org.junit.jupiter.api.Test;

/** The JSONL corpus reader keeps upstream's line rules. */
class PolicyContextCorpusTest {

  private static final String LINE =
      "{\"event_ref\":{\"corpus\":\"c\",\"session_id\":\"s\",\"event_id\":\"e%d\",\"sequence\":%d,"
          + "\"timestamp_unix_ms\":1},\"context\":{\"common\":{\"event_type\":\"http.request\"}}}";

  @Test
  void canonicalCorpus_loadsFourEventsInOrderWithDefaultsFilledIn() {
    PolicyContextCorpus corpus =
        PolicyContextCorpus.read(
            Conformance.file("data/policy-context/canonical-policy-contexts.jsonl"), "c.jsonl");

    assertThat(corpus.fixtures())
        .extracting(f -> f.eventRef().eventId())
        .containsExactly(
            "evt-http-google-secret",
            "evt-http-github-clean",
            "evt-http-google-secret-no-auth",
            "evt-http-google-auth-clean");
    PolicyContext third = corpus.fixtures().get(2).context();
    assertThat(third.scalar("http.request.body.truncated")).isEqualTo(false);
    assertThat(third.scalar("http.response.status")).isNull();
    assertThat(third.scalar("schema_version")).isEqualTo(1L);
    assertThat(third.family()).isEqualTo(EventFamily.HTTP);
  }

  @Test
  void blankLinesAreSkippedButCounted_andPythonLineBreaksSplit() {
    String text =
        String.format(LINE, 1, 1)
            + "\n  \n"
            + String.format(LINE, 2, 2)
            + "\u2028"
            + String.format(LINE, 3, 3)
            + "\r\n";

    PolicyContextCorpus corpus = PolicyContextCorpus.parse(text, "x.jsonl");

    assertThat(corpus.fixtures()).hasSize(3);
  }

  @Test
  void firstBadLine_refusesTheWholeCorpus_namingFileAndLine() {
    String text =
        String.format(LINE, 1, 1) + "\n\n{\"event_ref\": 1}\n" + String.format(LINE, 2, 2);

    PolicyContextCorpus corpus = PolicyContextCorpus.parse(text, "inputs/x.jsonl");

    assertThat(corpus.fixtures()).isEmpty();
    assertThat(DiagnosticText.compact(corpus.problem()))
        .isEqualTo(
            "E208 inputs/x.jsonl:3:15: inputs/x.jsonl:3: 2 validation errors for"
                + " PolicyContextFixtureV1\nevent_ref\n  Input should be an object\ncontext\n"
                + "  Field required");
  }

  @Test
  void invalidJsonLine_isE208WithPydanticsWording() {
    PolicyContextCorpus corpus = PolicyContextCorpus.parse("{\"x\": }\n", "e.jsonl");

    assertThat(corpus.problem().message())
        .isEqualTo(
            "e.jsonl:1: 1 validation error for PolicyContextFixtureV1\n  Invalid JSON: expected"
                + " value at line 1 column 7");
  }
}
