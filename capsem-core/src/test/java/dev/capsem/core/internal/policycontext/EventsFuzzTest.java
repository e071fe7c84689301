package dev.capsem.core.internal.policycontext;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.capsem.core.testing.FuzzChecks;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Fuzzes the JSONL policy-context reader that backtests and checks read (issue 15, item 12). */
class EventsFuzzTest {

  @FuzzTest
  void eventsJsonl(byte[] input) {
    PolicyContextCorpus corpus =
        PolicyContextCorpus.parse(new String(input, StandardCharsets.UTF_8), "fuzz.jsonl");
    FuzzChecks.outcome(corpus.ok(), corpus.ok() ? List.of() : List.of(corpus.problem()));
    for (PolicyContextFixture fixture : corpus.fixtures()) {
      fixture.context().roots();
    }
  }
}
