package dev.capsem.core.internal.squashfs;

import dev.capsem.core.ports.SquashfsCodec;
import java.io.ByteArrayOutputStream;

/**
 * A metadata table being written: bytes go into 8 KiB blocks, each stored compressed (or as is when
 * that is not smaller) behind its two-byte length. A full block is flushed at once, so the block
 * the next byte lands in is always the open one: references and directory indexes point at it.
 */
final class MetadataWriter {

  private final SquashfsCodec codec;
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final byte[] open = new byte[Format.METADATA_SIZE];
  private final byte[] compressed = new byte[Format.METADATA_SIZE];
  private int used;

  MetadataWriter(SquashfsCodec codec) {
    this.codec = codec;
  }

  /** The open block's position relative to the table's start (what references store). */
  long block() {
    return written.size();
  }

  /** The offset of the next byte inside the open block. */
  int offset() {
    return used;
  }

  /** A reference to the next byte: block shifted left 16 bits, or'ed with the offset. */
  long reference() {
    return block() << 16 | offset();
  }

  void write(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  void write(byte[] bytes, int from, int length) {
    int done = 0;
    while (done < length) {
      int n = Math.min(length - done, Format.METADATA_SIZE - used);
      System.arraycopy(bytes, from + done, open, used, n);
      used += n;
      done += n;
      if (used == Format.METADATA_SIZE) {
        flush();
      }
    }
  }

  private void flush() {
    if (used == 0) {
      return;
    }
    int n = codec.compress(open, 0, used, compressed, 0, Format.METADATA_SIZE);
    if (n > 0) {
      written.write(n & 0xff);
      written.write(n >>> 8);
      written.write(compressed, 0, n);
    } else {
      int word = used | Format.METADATA_UNCOMPRESSED;
      written.write(word & 0xff);
      written.write(word >>> 8);
      written.write(open, 0, used);
    }
    used = 0;
  }

  /** The table's bytes, its last block flushed. */
  byte[] finish() {
    flush();
    return written.toByteArray();
  }
}
