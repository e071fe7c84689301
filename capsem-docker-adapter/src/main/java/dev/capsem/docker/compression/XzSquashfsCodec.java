package dev.capsem.docker.compression;

import dev.capsem.core.ports.SquashfsCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.SingleXZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * Squashfs's xz compressor: each block one .xz stream (LZMA2, CRC32 check). Reading is what this
 * codec is for; it also compresses (preset 6, no BCJ filter) so that its contract test can round
 * trip.
 */
final class XzSquashfsCodec implements SquashfsCodec {

  /** A block's dictionary never exceeds 1 MiB; 64 MiB bounds a hostile header's demands. */
  private static final int MEMORY_LIMIT_KIB = 64 * 1024;

  @Override
  public int id() {
    return XZ;
  }

  @Override
  public int decompress(
      byte[] source, int offset, int length, byte[] target, int targetOffset, int capacity)
      throws IOException {
    try (InputStream in =
        new SingleXZInputStream(
            new ByteArrayInputStream(source, offset, length), MEMORY_LIMIT_KIB)) {
      int written = 0;
      while (written < capacity) {
        int n = in.read(target, targetOffset + written, capacity - written);
        if (n < 0) {
          return written;
        }
        written += n;
      }
      if (in.read() >= 0) {
        throw new IOException("xz block expands beyond " + capacity + " bytes");
      }
      return written;
    }
  }

  @Override
  public int compress(
      byte[] source, int offset, int length, byte[] target, int targetOffset, int capacity) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(length);
    try (XZOutputStream out =
        new XZOutputStream(buffer, new LZMA2Options(), org.tukaani.xz.XZ.CHECK_CRC32)) {
      out.write(source, offset, length);
    } catch (IOException e) {
      return -1;
    }
    byte[] compressed = buffer.toByteArray();
    if (compressed.length >= length || compressed.length > capacity) {
      return -1;
    }
    System.arraycopy(compressed, 0, target, targetOffset, compressed.length);
    return compressed.length;
  }
}
