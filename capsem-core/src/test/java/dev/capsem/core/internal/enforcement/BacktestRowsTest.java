package dev.capsem.core.internal.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.policycontext.EventRef;
import dev.capsem.core.internal.policycontext.PolicyContext;
import dev.capsem.core.internal.policycontext.PolicyContextFixture;
import dev.cel.common.values.NullValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows printed straight into text are the rows the report's tree printer prints: the reference is
 * {@link EnforcementReports#row} printed by {@link JsonPrinter#pretty()}, as an item of {@code
 * rows}.
 */
class BacktestRowsTest {

  private static final List<String> ODD_TEXTS =
      List.of(
          "plain",
          "",
          "quote \" and backslash \\",
          "line\nbreak\ttab\rreturn\bback\fform",
          "control \u0001\u001f",
          "caf\u00e9 \u20ac \u2028 \ud83d\ude80",
          "\u007f delete");

  private final EnforcementPack pack =
      EnforcementPack.of(
          "pack \"odd\" \u00e9",
          "1",
          List.of(
              rule("http.plain", RuleDecision.BLOCK, null),
              rule("http.reason", RuleDecision.ALLOW, "because \"so\"\n\u00e9"),
              rule("http.ask", RuleDecision.ASK, "")));

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void append_eachRuleAndOddTexts_printsWhatTheTreePrinterPrints(int ruleIndex) {
    BacktestRows rows = new BacktestRows(pack);
    for (String text : ODD_TEXTS) {
      EventRef ref = new EventRef(text + "c", "s" + text, text + "e", 0, Long.MAX_VALUE);
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("http.request.host", text);
      fields.put(text + ".key", 443L);

      assertThat(printed(rows, ref, ruleIndex, fields))
          .as(text)
          .isEqualTo(reference(ref, ruleIndex, fields));
    }
  }

  @Test
  void append_everyKindOfMatchedValue_printsWhatTheTreePrinterPrints() {
    BacktestRows rows = new BacktestRows(pack);
    EventRef ref = new EventRef("bench", "session", "evt-1", 1, 1789000000000L);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("a.long", -7L);
    fields.put("a.double", 0.1);
    fields.put("a.whole.double", 3.0);
    fields.put("a.huge.double", 1e300);
    fields.put("a.true", true);
    fields.put("a.false", false);
    fields.put("a.null", NullValue.NULL_VALUE);
    fields.put("condition", Boolean.TRUE);

    for (Map<String, Object> matched : List.of(fields, Map.<String, Object>of())) {
      assertThat(printed(rows, ref, 1, matched)).isEqualTo(reference(ref, 1, matched));
    }
  }

  private static String printed(
      BacktestRows rows, EventRef ref, int ruleIndex, Map<String, Object> fields) {
    StringBuilder out = new StringBuilder();
    rows.append(ref, ruleIndex, fields, out);
    return out.toString();
  }

  private String reference(EventRef ref, int ruleIndex, Map<String, Object> fields) {
    PolicyContextFixture fixture =
        new PolicyContextFixture(
            ref,
            List.of(),
            PolicyContext.fromJson("{\"common\": {\"event_type\": \"http.request\"}}"));
    StringBuilder out = new StringBuilder();
    JsonPrinter.pretty()
        .append(
            EnforcementReports.row(
                pack, new Backtest.Row(fixture, pack.rules().get(ruleIndex), fields)),
            2,
            out);
    return out.toString();
  }

  private static EnforcementRule rule(String id, RuleDecision decision, String reason) {
    return new EnforcementRule(
        id, id, true, "http", "http.request", 10, "true", decision, null, reason);
  }
}
