package dev.capsem.core.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.testing.Conformance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code profile schema}: upstream's Pydantic-generated document, with D2's priority maximum. */
class ProfileSchemaDocumentTest {

  private static final String UPSTREAM = "captured/f1a612a3/profile-schema.stdout.json";

  @Test
  void text_comparedWithUpstream_differsOnlyInRulePriorityMaximum() {
    List<String> ours = List.of(ProfileSchemaDocument.text().split("\n", -1));
    List<String> upstream = List.of(Conformance.text(UPSTREAM).split("\n", -1));

    assertThat(ours).hasSameSizeAs(upstream);
    List<Integer> differing = new ArrayList<>();
    for (int i = 0; i < ours.size(); i++) {
      if (!ours.get(i).equals(upstream.get(i))) {
        differing.add(i);
      }
    }
    assertThat(differing).hasSize(1);
    int line = differing.get(0);
    assertThat(upstream.get(line)).isEqualTo("          \"maximum\": 999,");
    assertThat(ours.get(line)).isEqualTo("          \"maximum\": 1000,");
    assertThat(enclosingProperty(upstream, line)).isEqualTo("priority");
    assertThat(enclosingDefinition(upstream, line)).isEqualTo("SecurityRule");
  }

  @Test
  void text_withUpstreamMaximumRestored_isByteIdentical() {
    String upstream = Conformance.text(UPSTREAM);
    String restored =
        ProfileSchemaDocument.text()
            .replace(
                "\"priority\": {\n          \"default\": 1,\n          \"maximum\": 1000,",
                "\"priority\": {\n          \"default\": 1,\n          \"maximum\": 999,");

    assertThat(restored).isEqualTo(upstream);
  }

  /** The nearest property key opened above {@code line}, eight spaces deep (a model's field). */
  private static String enclosingProperty(List<String> lines, int line) {
    return nearestKey(lines, line, "        \"");
  }

  /** The nearest {@code $defs} entry opened above {@code line}. */
  private static String enclosingDefinition(List<String> lines, int line) {
    return nearestKey(lines, line, "    \"");
  }

  private static String nearestKey(List<String> lines, int line, String indent) {
    for (int i = line; i >= 0; i--) {
      String text = lines.get(i);
      if (text.startsWith(indent) && !text.startsWith(indent + " ") && text.endsWith("{")) {
        return text.substring(indent.length(), text.indexOf('"', indent.length()));
      }
    }
    return null;
  }
}
