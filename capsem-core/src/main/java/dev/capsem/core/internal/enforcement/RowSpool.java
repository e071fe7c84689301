package dev.capsem.core.internal.enforcement;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The printed rows of a backtest report, as UTF-8, between counting them and writing the report
 * (whose counts come first): in memory up to a few megabytes, past that in a temporary file, so a
 * million-event corpus costs no more heap than a small one. Bytes rather than characters, so that
 * the rows are encoded once, by the workers that print them, and copied from there on. The file
 * goes when the JVM exits.
 */
final class RowSpool {

  private final int inMemory;
  private final int chunk;
  private byte[] memory = new byte[1 << 16];
  private int size;
  private Path file;
  private OutputStream writer;

  /** A spool that keeps 8 MiB in memory and reads its file back a megabyte at a time. */
  RowSpool() {
    this(8 << 20, 1 << 20);
  }

  /** A spool with its own limits, so tests can reach the file and its chunk boundaries. */
  RowSpool(int inMemory, int chunk) {
    this.inMemory = inMemory;
    this.chunk = chunk;
  }

  /** Appends printed rows: {@code bytes[from, bytes.length)}. */
  void append(byte[] bytes, int from) {
    int length = bytes.length - from;
    try {
      if (writer == null && size + length > inMemory) {
        file = Files.createTempFile("capsem-backtest-", ".rows");
        file.toFile().deleteOnExit();
        writer = Files.newOutputStream(file);
        writer.write(memory, 0, size);
        memory = new byte[0];
        size = 0;
      }
      if (writer != null) {
        writer.write(bytes, from, length);
      } else {
        if (size + length > memory.length) {
          memory = Arrays.copyOf(memory, Math.max(size + length, memory.length * 2));
        }
        System.arraycopy(bytes, from, memory, size, length);
        size += length;
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

  /** Writes every row, in order, as bytes. */
  void writeTo(OutputStream out) throws IOException {
    if (file != null) {
      byte[] buffer = new byte[chunk];
      try (InputStream in = Files.newInputStream(file)) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          out.write(buffer, 0, n);
        }
      }
    }
    out.write(memory, 0, size);
  }

  /** Writes every row, in order, as characters. */
  void writeTo(Appendable out) throws IOException {
    if (file != null) {
      // Room for a whole character at least: up to three bytes of one are held back.
      byte[] buffer = new byte[Math.max(chunk, 4)];
      try (InputStream in = Files.newInputStream(file)) {
        int kept = 0;
        int n;
        while ((n = in.readNBytes(buffer, kept, buffer.length - kept)) > 0) {
          int filled = kept + n;
          int cut = wholeCharacters(buffer, filled);
          characters(new String(buffer, 0, cut, StandardCharsets.UTF_8), out);
          kept = filled - cut;
          System.arraycopy(buffer, cut, buffer, 0, kept);
        }
      }
    }
    characters(new String(memory, 0, size, StandardCharsets.UTF_8), out);
  }

  private static void characters(String text, Appendable out) throws IOException {
    if (out instanceof Writer writer) {
      writer.write(text);
    } else {
      out.append(text);
    }
  }

  // How many of the first `filled` bytes end on a whole UTF-8 sequence (at most 3 bytes held back).
  private static int wholeCharacters(byte[] bytes, int filled) {
    int lead = filled - 1;
    while (lead > 0 && filled - lead < 4 && (bytes[lead] & 0xC0) == 0x80) {
      lead--;
    }
    int b = bytes[lead] & 0xff;
    int length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    return lead + length <= filled ? filled : lead;
  }
}
