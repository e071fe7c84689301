package dev.capsem.core.diag;

import java.util.List;
import java.util.Objects;

/**
 * A report, its text and its account, with nothing else an embedder would read: what most checks
 * and generators produce.
 *
 * @param json the report as {@code --json} prints it
 * @param text what is printed without {@code --json}
 * @param failures one line per failed check
 * @param summary what was done, for a log
 * @param listsDiagnostics whether {@code text} already lists the diagnostics
 * @param stream the report written piece by piece, when {@code json} is {@code null}
 */
public record TextReport(
    String json,
    String text,
    List<String> failures,
    List<String> summary,
    boolean listsDiagnostics,
    JsonStream stream)
    implements Report {

  public TextReport {
    if (json == null) {
      Objects.requireNonNull(stream, "json or stream");
    }
    Objects.requireNonNull(text, "text");
    failures = List.copyOf(failures);
    summary = List.copyOf(summary);
  }

  public TextReport(
      String json,
      String text,
      List<String> failures,
      List<String> summary,
      boolean listsDiagnostics) {
    this(Objects.requireNonNull(json, "json"), text, failures, summary, listsDiagnostics, null);
  }

  /** A report too long to hold whole: written by {@code stream} when printed. */
  public static TextReport streamed(JsonStream stream, String text, List<String> summary) {
    return new TextReport(null, text, List.of(), summary, false, stream);
  }

  /** The report; a streamed one is written out in memory on each call. */
  @Override
  public String json() {
    return json != null ? json : stream.asString();
  }

  @Override
  public void writeJson(Appendable out) throws java.io.IOException {
    if (json != null) {
      out.append(json);
    } else {
      stream.writeTo(out);
    }
  }

  @Override
  public void writeJson(java.io.OutputStream out) throws java.io.IOException {
    if (json != null) {
      Report.super.writeJson(out);
    } else {
      stream.writeTo(out);
    }
  }

  public TextReport(String json, String text) {
    this(json, text, List.of(), List.of(), false);
  }

  public TextReport(String json, String text, List<String> summary) {
    this(json, text, List.of(), summary, false);
  }

  /** The same report with these failed checks. */
  public TextReport withFailures(List<String> lines) {
    return new TextReport(json, text, lines, summary, listsDiagnostics, stream);
  }

  /** The same report with this account. */
  public TextReport withSummary(List<String> lines) {
    return new TextReport(json, text, failures, lines, listsDiagnostics, stream);
  }

  /** Lines as printed text: each followed by a newline. */
  public static String lines(List<String> lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return text.toString();
  }
}
