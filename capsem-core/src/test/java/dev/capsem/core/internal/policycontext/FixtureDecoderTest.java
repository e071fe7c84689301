package dev.capsem.core.internal.policycontext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.PolicyDetectionVectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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

      assertThat(alone(bytes)).as(lines.get(i)).isEqualTo(expected.get(i));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "data/policy-context/canonical-policy-contexts.jsonl",
        "captured/f1a612a3/policy-detection/inputs/core-events.jsonl",
        "captured/f1a612a3/policy-detection/inputs/model-tools-events.jsonl"
      })
  void lines_oneParserThroughGoodAndOddLines_givesEachLineWhatDecodingItAloneGives(String corpus)
      throws Exception {
    String text = Conformance.text(corpus);
    List<PolicyContextFixture> fixtures = PolicyContextCorpus.parse(text, corpus).fixtures();
    List<String> good = text.lines().filter(line -> !line.isBlank()).toList();
    // After each good line, in turn: the same event with its keys in reverse order (so the
    // guessed key order fails), a line with more after its object, a line cut short (its object
    // runs on into the next line), and a blank line of 0x1f, which jackson does not skip.
    List<String> lines = new ArrayList<>();
    List<PolicyContextFixture> expected = new ArrayList<>();
    for (int i = 0; i < good.size(); i++) {
      lines.add(good.get(i));
      expected.add(fixtures.get(i));
      String line = good.get(i);
      switch (i % 4) {
        case 0 -> {
          lines.add(reversedKeys(line));
          expected.add(fixtures.get(i));
        }
        case 1 -> {
          lines.add(line + " {}");
          expected.add(null);
        }
        case 2 -> {
          lines.add(line.substring(0, line.length() - 1));
          expected.add(null);
        }
        default -> {
          lines.add("\u001f");
          expected.add(null);
        }
      }
    }
    byte[] piece = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

    try (FixtureDecoder.Lines decoded = decoder.lines(piece, piece.length)) {
      int start = 0;
      for (int i = 0; i < lines.size(); i++) {
        int end = start + lines.get(i).getBytes(StandardCharsets.UTF_8).length;
        if (!lines.get(i).equals("\u001f")) { // the reader skips blank lines
          assertThat(decoded.decode(start, end)).as(lines.get(i)).isEqualTo(expected.get(i));
        }
        start = end + 1;
      }
    }
  }

  // The fixture on one line read by a parser of its own, or null when declined.
  private PolicyContextFixture alone(byte[] line) {
    try (FixtureDecoder.Lines lines = decoder.lines(line, line.length)) {
      return lines.decode(0, line.length);
    }
  }

  // The line's object with every object in it written with its keys in reverse order.
  private static String reversedKeys(String line) throws Exception {
    return JsonPrinter.compact().print(reversed(JsonReader.read(line, JsonDialect.PYDANTIC)));
  }

  private static Node reversed(Node node) {
    if (!(node instanceof ObjectNode object)) {
      return node;
    }
    List<ObjectNode.Member> members = new ArrayList<>(object.entries());
    Collections.reverse(members);
    ObjectNode.Builder out = ObjectNode.builder();
    for (ObjectNode.Member member : members) {
      out.put(member.key(), reversed(member.value()));
    }
    return out.build();
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

      assertThat(alone(bytes)).as(bad).isNull();
    }
  }
}
