package dev.capsem.core.internal.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.policycontext.PolicyContextCorpus;
import dev.capsem.core.testing.FixedPorts;
import dev.capsem.core.testing.PolicyDetectionVectors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streamed backtest (jackson-core straight into contexts, rows spooled) prints the very report
 * the whole-file reader and the tree path give: the reference here is that older path, run directly
 * on the same files.
 */
class StreamedBacktestTest {

  private final EnforcementFlow flow =
      new EnforcementFlow(FixedPorts.create().clock(), dev.capsem.core.ports.FileAccess.local());

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"core", "model-tools", "priority"})
  void backtest_conformanceCorpus_printsTheTreeReadersReport(String name) throws IOException {
    Path pack = PolicyDetectionVectors.file("inputs/" + name + "-policy.toml");
    Path events = PolicyDetectionVectors.file("inputs/" + name + "-events.jsonl");
    if (!Files.exists(events)) {
      events = PolicyDetectionVectors.file("inputs/core-events.jsonl");
    }

    assertThat(streamed(pack, events)).isEqualTo(reference(pack, events));
  }

  @Test
  void backtest_largeCorpusWithOddLines_printsTheTreeReadersReport() throws IOException {
    Path pack = PolicyDetectionVectors.file("inputs/core-policy.toml");
    List<String> lines =
        Files.readAllLines(
            PolicyDetectionVectors.file("inputs/core-events.jsonl"), StandardCharsets.UTF_8);
    StringBuilder corpus = new StringBuilder();
    for (int i = 0; i < 30_000; i++) {
      String line = lines.get(i % lines.size());
      line = line.replace("\"event_id\":\"", "\"event_id\":\"" + i + "-");
      // A tab between tokens, and now and then blanks before the object.
      corpus.append(i % 79 == 0 ? "\t  " : "");
      corpus.append(i % 89 == 0 ? line.replaceFirst(",", ",\t") : line);
      if (i % 83 == 0) {
        corpus.append(" \t "); // blanks after the object, which the reader strips
      }
      corpus.append(i % 997 == 0 ? "\n   \t\n" : i % 991 == 0 ? "\n\u001f\n" : "\n");
    }
    // A line only the tree path settles (a number as a string) and a non-ASCII one.
    String first = lines.get(0);
    corpus.append(first.replace("\"sequence\":1", "\"sequence\":\" 7 \"")).append('\n');
    corpus.append(first.replace("session-1", "sessi\u00f3n-1")).append('\n');
    String text = corpus.toString();
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, text, StandardCharsets.UTF_8);

    String report = streamed(pack, events);

    assertThat(run(pack, events).value().stream()).as("read piece by piece").isNotNull();
    assertThat(report).isEqualTo(reference(pack, events));
    assertThat(report.length()).isGreaterThan(8 << 20); // past the in-memory spool
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad-line", "crlf", "separator", "latin1"})
  void backtest_corpusOnlyTheWholeFileReaderSettles_givesItsOutcome(String kind)
      throws IOException {
    Path pack = PolicyDetectionVectors.file("inputs/core-policy.toml");
    byte[] good = Files.readAllBytes(PolicyDetectionVectors.file("inputs/core-events.jsonl"));
    String text = new String(good, StandardCharsets.UTF_8);
    byte[] bytes =
        switch (kind) {
          case "bad-line" -> (text + "{\"schema\": 3}\n" + text).getBytes(StandardCharsets.UTF_8);
          case "crlf" -> text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
          case "separator" ->
              text.replace("session-1", "session\u2028-1").getBytes(StandardCharsets.UTF_8);
          default ->
              text.replace("session-1", "sessi\u00f3n-1").getBytes(StandardCharsets.ISO_8859_1);
        };
    Path events = dir.resolve("events.jsonl");
    Files.write(events, bytes);

    Outcome<TextReport> outcome = run(pack, events);

    assertThat(withoutTiming(outcome.json())).isEqualTo(reference(pack, events));
    assertThat(outcome.diagnostics()).isEqualTo(referenceDiagnostics(pack, events));
  }

  private Outcome<TextReport> run(Path pack, Path events) {
    return flow.backtest(
        new GivenPath(pack, "pack.toml"), new GivenPath(events, "events.jsonl"), null);
  }

  private String streamed(Path pack, Path events) throws IOException {
    Outcome<TextReport> outcome = run(pack, events);
    StringWriter printed = new StringWriter();
    outcome.writeJson(printed);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    outcome.writeJson(bytes);
    assertThat(outcome.json()).isEqualTo(printed.toString());
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(printed.toString());
    return withoutTiming(printed.toString());
  }

  /** The report as the whole-file reader and the tree path make it. */
  private static String reference(Path pack, Path events) {
    EnforcementPack read = EnforcementReader.read(pack, "pack.toml").pack();
    PackCompilation compilation = PackCompilation.compile(read, new ConditionCompiler());
    PolicyContextCorpus corpus = PolicyContextCorpus.read(events, "events.jsonl");
    List<dev.capsem.core.diag.Diagnostic> diagnostics =
        new java.util.ArrayList<>(compilation.problems());
    if (!corpus.ok()) {
      diagnostics.add(corpus.problem());
    }
    return withoutTiming(
        JsonPrinter.pretty()
            .printLine(
                EnforcementReports.backtest(
                    read,
                    corpus.fixtures().size(),
                    Backtest.rows(compilation.engine(), corpus.fixtures()),
                    diagnostics,
                    0.0)));
  }

  private static List<dev.capsem.core.diag.Diagnostic> referenceDiagnostics(
      Path pack, Path events) {
    PolicyContextCorpus corpus = PolicyContextCorpus.read(events, "events.jsonl");
    return corpus.ok() ? List.of() : List.of(corpus.problem());
  }

  private static String withoutTiming(String report) {
    return report.replaceAll("\"duration_ms\": [0-9.eE+-]+", "\"duration_ms\": 0");
  }
}
