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
