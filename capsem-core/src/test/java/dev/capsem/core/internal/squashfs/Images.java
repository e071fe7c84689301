package dev.capsem.core.internal.squashfs;

import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.testing.RunLengthCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Writes test images from tar bytes and opens images from bytes, for the squashfs tests. */
final class Images {

  static final long EPOCH = 1_779_364_800L;

  /** A codec that never compresses: every block is stored, so tests can patch bytes in place. */
  static final SquashfsCodec STORED =
      new SquashfsCodec() {
        @Override
        public int id() {
          return GZIP;
        }

        @Override
        public int decompress(byte[] s, int o, int l, byte[] t, int to, int c) throws IOException {
          throw new IOException("a stored image has no compressed block");
        }

        @Override
        public int compress(byte[] s, int o, int l, byte[] t, int to, int c) {
          return -1;
        }
      };

  static final SquashfsCodec RUN_LENGTH = new RunLengthCodec(SquashfsCodec.ZSTD);

  static final List<SquashfsCodec> READERS = List.of(SquashfsCodec.gzip(9), RUN_LENGTH);

  private Images() {}

  static byte[] write(byte[] tar, SquashfsCodec codec, int threads, Path folder)
      throws IOException {
    return write(tar, new SquashfsWriter.Settings(codec, 65536, EPOCH, threads), folder).bytes();
  }

  record Written(byte[] bytes, SquashfsWriter.Result result) {}

  static Written write(byte[] tar, SquashfsWriter.Settings settings, Path folder)
      throws IOException {
    Path image = Files.createTempFile(folder, "image", ".squashfs");
    SquashfsWriter.Result result;
    try (FileChannel out = FileChannel.open(image, StandardOpenOption.WRITE)) {
      result = SquashfsWriter.write(new ByteArrayInputStream(tar), out, settings);
    }
    return new Written(Files.readAllBytes(image), result);
  }

  static SquashfsImage open(byte[] image) throws IOException {
    return SquashfsImage.open(channel(image), READERS);
  }

  static SeekableByteChannel channel(byte[] image) {
    return new InMemoryChannel(image);
  }

  static ByteBuffer little(byte[] image) {
    return ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** A read-only channel over bytes. */
  private static final class InMemoryChannel implements SeekableByteChannel {
    private final byte[] bytes;
    private long position;

    InMemoryChannel(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read(ByteBuffer dst) {
      if (position >= bytes.length) {
        return -1;
      }
      int n = (int) Math.min(dst.remaining(), bytes.length - position);
      dst.put(bytes, (int) position, n);
      position += n;
      return n;
    }

    @Override
    public int write(ByteBuffer src) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
      position = newPosition;
      return this;
    }

    @Override
    public long size() {
      return bytes.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }
}
