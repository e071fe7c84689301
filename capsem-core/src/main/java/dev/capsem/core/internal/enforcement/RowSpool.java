package dev.capsem.core.internal.enforcement;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The printed rows of a backtest report, between counting them and writing the report (whose counts
 * come first): in memory up to a few megabytes, past that in a temporary file, so a million-event
 * corpus costs no more heap than a small one. The file goes when the JVM exits.
 */
final class RowSpool {

  private static final int IN_MEMORY = 8 << 20;

  private final StringBuilder memory = new StringBuilder();
  private Path file;
  private Writer writer;

  /** Appends printed rows. */
  void append(CharSequence rows) {
    try {
      if (writer == null && memory.length() + rows.length() > IN_MEMORY) {
        file = Files.createTempFile("capsem-backtest-", ".rows");
        file.toFile().deleteOnExit();
        writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        writer.append(memory);
        memory.setLength(0);
        memory.trimToSize();
      }
      if (writer != null) {
        writer.append(rows);
      } else {
        memory.append(rows);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** No more rows: the spool is ready to be read, any number of times. */
  void close() throws IOException {
    if (writer != null) {
      writer.close();
    }
  }

  /** Writes every row, in order. */
  void writeTo(Appendable out) throws IOException {
    if (file != null) {
      char[] buffer = new char[1 << 16];
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          if (out instanceof Writer w) {
            w.write(buffer, 0, n);
          } else {
            out.append(java.nio.CharBuffer.wrap(buffer, 0, n));
          }
        }
      }
    }
    out.append(memory);
  }
}
