package dev.capsem.core.internal.squashfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * Positioned reads from the caller's channel, confined to the bytes the superblock declares. One
 * read at a time: a {@link SeekableByteChannel} has one position.
 */
final class ImageChannel {

  private final SeekableByteChannel channel;
  private long limit;

  ImageChannel(SeekableByteChannel channel) throws IOException {
    this.channel = channel;
    this.limit = channel.size();
  }

  long size() throws IOException {
    return channel.size();
  }

  /** From now on, reads past {@code bytesUsed} are damage. */
  void limit(long bytesUsed) {
    this.limit = bytesUsed;
  }

  synchronized void read(long position, byte[] target, int offset, int length) throws IOException {
    if (position < 0 || length < 0 || position > limit - length) {
      throw SquashfsException.corrupt(
          length + " bytes at " + position + " lie outside the image's " + limit + " bytes");
    }
    ByteBuffer buffer = ByteBuffer.wrap(target, offset, length);
    channel.position(position);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw SquashfsException.corrupt("the image ends inside the bytes at " + position);
      }
    }
  }
}
