package dev.capsem.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as text, flushed on every line, that also lends its bytes to reports long enough
 * to matter: a backtest's report of a million events is written as the UTF-8 it was spooled as,
 * rather than decoded into text and encoded again.
 */
final class StandardOutput extends PrintWriter {

  private final OutputStream bytes;

  StandardOutput(OutputStream bytes) {
    super(bytes, true, StandardCharsets.UTF_8);
    this.bytes = bytes;
  }

  /** The bytes underneath; flush this writer before writing to them. */
  OutputStream bytes() {
    return bytes;
  }
}
