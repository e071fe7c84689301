package dev.capsem.core.diag;

import java.io.IOException;

/**
 * A JSON report written piece by piece rather than held whole, for reports as long as their input
 * (a backtest of millions of events): the command line streams it to standard output.
 */
@FunctionalInterface
public interface JsonStream {

  /** Writes the whole report, indented, with one trailing newline. */
  void writeTo(Appendable out) throws IOException;

  /**
   * Writes the whole report to {@code out} as UTF-8, flushed; a stream that holds its text as bytes
   * already writes them as they are.
   */
  default void writeTo(java.io.OutputStream out) throws IOException {
    java.io.Writer writer =
        new java.io.BufferedWriter(
            new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
    writeTo(writer);
    writer.flush();
  }

  /** The whole report as one string, for those who want it in memory. */
  default String asString() {
    StringBuilder out = new StringBuilder();
    try {
      writeTo(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }
}
