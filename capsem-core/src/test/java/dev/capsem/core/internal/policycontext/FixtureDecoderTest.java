package dev.capsem.core.internal.policycontext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.PolicyDetectionVectors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming decoder against the validator's tree path, line by line. */
class FixtureDecoderTest {

  private final FixtureDecoder decoder = new FixtureDecoder();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "data/policy-context/canonical-policy-contexts.jsonl",
        "data/policy-context/session-process-exec-block.jsonl",
        "captured/f1a612a3/policy-detection/inputs/core-events.jsonl",
        "captured/f1a612a3/policy-detection/inputs/model-tools-events.jsonl",
        "captured/f1a612a3/policy-detection/inputs/metadata-events.jsonl"
      })
  void decode_validCorpusLine_givesTheTreePathsFixture(String corpus) {
    String text = Conformance.text(corpus);
    List<PolicyContextFixture> expected = PolicyContextCorpus.parse(text, corpus).fixtures();
    List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
    assertThat(lines).hasSameSizeAs(expected).isNotEmpty();

    for (int i = 0; i < lines.size(); i++) {
      byte[] bytes = lines.get(i).getBytes(StandardCharsets.UTF_8);

      assertThat(decoder.decode(bytes, 0, bytes.length))
          .as(lines.get(i))
          .isEqualTo(expected.get(i));
    }
  }

  @Test
  void decode_valuesTheValidatorCoercesOrRefuses_declines() {
    String line =
        Conformance.text(PolicyDetectionVectors.FOLDER + "/inputs/core-events.jsonl")
            .lines()
            .findFirst()
            .orElseThrow();
    List<String> declined =
        List.of(
            line.replace("\"sequence\":1", "\"sequence\":\"1\""),
            line.replace("\"sequence\":1", "\"sequence\":1.0"),
            line.replace("\"sequence\":1", "\"sequence\":-1"),
            line.replace("\"sequence\":1", "\"sequence\":1,\"sequence\":1"),
            line.replace("\"event_type\"", "\"event_typo\""),
            line.replace("\"schema_version\":1", "\"schema_version\":2"),
            line + " {}",
            line.substring(0, line.length() - 1));

    for (String bad : declined) {
      byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);

      assertThat(decoder.decode(bytes, 0, bytes.length)).as(bad).isNull();
    }
  }
}
