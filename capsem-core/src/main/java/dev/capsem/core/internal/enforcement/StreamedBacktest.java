package dev.capsem.core.internal.enforcement;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.JsonStream;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.policycontext.CorpusStream;
import dev.capsem.core.internal.policycontext.PolicyContextFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
  private record Piece(
      int events, int matches, byte[] rows, java.util.Map<String, Integer> budget) {}

  private static final String ROWS_KEY = "\n  \"rows\": ";

  private final EnforcementEngine engine;
  private final EnforcementPack pack;
  private long events;
  private long matches;
  private final RowSpool spool = new RowSpool();
  private final java.util.Map<String, Integer> budget = new java.util.TreeMap<>();
  private final BacktestRows printer;
  // Each worker prints its pieces' rows into one buffer, kept between pieces (no regrowth).
  private final ThreadLocal<StringBuilder> rowBuffer =
      ThreadLocal.withInitial(() -> new StringBuilder(1 << 18));

  private StreamedBacktest(EnforcementEngine engine, EnforcementPack pack) {
    this.engine = engine;
    this.pack = pack;
    this.printer = new BacktestRows(pack);
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
    StringBuilder rows = rowBuffer.get();
    rows.setLength(0);
    int found = 0;
    java.util.Map<String, Integer> exceeded = new java.util.HashMap<>();
    for (PolicyContextFixture fixture : fixtures) {
      // As Backtest does: a rule over its CEL budget counts as no match, and is reported.
      EnforcementEngine.Entry match =
          engine.firstMatch(
              fixture.context(),
              failed -> {
                if (failed.condition().exceedsBudget(fixture.context())) {
                  exceeded.merge(failed.rule().id(), 1, Integer::sum);
                }
              });
      if (match != null) {
        found++;
        rows.append(",\n    ");
        printer.append(
            fixture.eventRef(),
            match.index(),
            match.condition().matchedFields(fixture.context()),
            rows);
      }
    }
    // Encoded here, on the worker, so the spool only copies bytes.
    return new Piece(
        fixtures.size(), found, rows.toString().getBytes(StandardCharsets.UTF_8), exceeded);
  }

  private void add(Piece piece) {
    // Every row is printed after a comma; the first of the report has none.
    spool.append(piece.rows(), matches == 0 && piece.matches() > 0 ? 1 : 0);
    events += piece.events();
    matches += piece.matches();
    piece.budget().forEach((rule, count) -> budget.merge(rule, count, Integer::sum));
  }

  /** The rules that exceeded their CEL budget, and on how many events (no rows). */
  Backtest.Result budget() {
    return new Backtest.Result(List.of(), budget);
  }

  /** The report around the spooled rows, written when printed. */
  JsonStream report(List<Diagnostic> diagnostics, double durationMs) {
    ObjectNode skeleton =
        EnforcementReports.backtest(
            pack, events, matches, List.of(), budget(), diagnostics, durationMs);
    String printed = JsonPrinter.pretty().printLine(skeleton);
    int at = printed.indexOf(ROWS_KEY + "[]") + ROWS_KEY.length();
    String head = printed.substring(0, at);
    String tail = printed.substring(at + 2);
    return new SpooledReport(head, tail, matches, spool);
  }

  /** The report's text before and after its rows, around the rows as spooled. */
  private record SpooledReport(String head, String tail, long rows, RowSpool spool)
      implements JsonStream {

    @Override
    public void writeTo(Appendable out) throws IOException {
      out.append(head);
      if (rows == 0) {
        out.append("[]");
      } else {
        out.append('[');
        spool.writeTo(out);
        out.append("\n  ]");
      }
      out.append(tail);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(utf8(head));
      if (rows == 0) {
        out.write(utf8("[]"));
      } else {
        out.write('[');
        spool.writeTo(out);
        out.write(utf8("\n  ]"));
      }
      out.write(utf8(tail));
      out.flush();
    }

    private static byte[] utf8(String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }
}
