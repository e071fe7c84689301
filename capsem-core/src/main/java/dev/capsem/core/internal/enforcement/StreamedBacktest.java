package dev.capsem.core.internal.enforcement;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.JsonStream;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.policycontext.CorpusStream;
import dev.capsem.core.internal.policycontext.PolicyContextFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A backtest whose corpus is streamed into the engine piece by piece and whose rows are printed as
 * they are found (spooled until the counts that precede them are known), so that memory stays flat
 * from a hundred events to millions. The report is byte for byte the one {@link
 * EnforcementReports#backtest} prints.
 */
final class StreamedBacktest {

  /** What one piece of the corpus gave: its events, its matches, its rows printed. */
  private record Piece(int events, int matches, StringBuilder rows) {}

  private static final String ROWS_KEY = "\n  \"rows\": ";

  private final EnforcementEngine engine;
  private final EnforcementPack pack;
  private long events;
  private long matches;
  private final RowSpool spool = new RowSpool();

  private StreamedBacktest(EnforcementEngine engine, EnforcementPack pack) {
    this.engine = engine;
    this.pack = pack;
  }

  /**
   * Replays {@code corpus}; {@code null} when only the whole-file reader can settle it (a bad line,
   * an unusual line break), which then words the refusal.
   */
  static StreamedBacktest run(
      EnforcementEngine engine, EnforcementPack pack, CorpusStream stream, Path corpus)
      throws IOException {
    StreamedBacktest run = new StreamedBacktest(engine, pack);
    CorpusStream.Status status = stream.read(corpus, run::piece, run::add);
    run.spool.close();
    return status == CorpusStream.Status.READ ? run : null;
  }

  long events() {
    return events;
  }

  long matches() {
    return matches;
  }

  private Piece piece(List<PolicyContextFixture> fixtures) {
    JsonPrinter printer = JsonPrinter.pretty();
    StringBuilder rows = new StringBuilder();
    int found = 0;
    for (PolicyContextFixture fixture : fixtures) {
      EnforcementEngine.Entry match = engine.firstMatch(fixture.context());
      if (match != null) {
        found++;
        Backtest.Row row =
            new Backtest.Row(
                fixture, match.rule(), match.condition().matchedFields(fixture.context()));
        rows.append(",\n    ");
        printer.append(EnforcementReports.row(pack, row), 2, rows);
      }
    }
    return new Piece(fixtures.size(), found, rows);
  }

  private void add(Piece piece) {
    // Every row is printed after a comma; the first of the report has none.
    spool.append(matches == 0 && piece.matches() > 0 ? piece.rows().substring(1) : piece.rows());
    events += piece.events();
    matches += piece.matches();
  }

  /** The report around the spooled rows, written when printed. */
  JsonStream report(List<Diagnostic> diagnostics, double durationMs) {
    ObjectNode skeleton =
        EnforcementReports.backtest(pack, events, matches, List.of(), diagnostics, durationMs);
    String printed = JsonPrinter.pretty().printLine(skeleton);
    int at = printed.indexOf(ROWS_KEY + "[]") + ROWS_KEY.length();
    String head = printed.substring(0, at);
    String tail = printed.substring(at + 2);
    long rows = matches;
    return out -> {
      out.append(head);
      if (rows == 0) {
        out.append("[]");
      } else {
        out.append('[');
        spool.writeTo(out);
        out.append("\n  ]");
      }
      out.append(tail);
    };
  }
}
