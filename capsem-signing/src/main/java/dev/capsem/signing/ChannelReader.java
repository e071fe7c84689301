package dev.capsem.signing;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Positional reads from a channel that several threads share, into one buffer this reader owns. Not
 * thread-safe: one per thread.
 */
final class ChannelReader {

  private final Path path;
  private final FileChannel channel;
  private final byte[] buffer;
  private final ByteBuffer window;

  ChannelReader(Path path, FileChannel channel, int bufferSize) {
    this.path = path;
    this.channel = channel;
    this.buffer = new byte[bufferSize];
    this.window = ByteBuffer.wrap(buffer);
  }

  byte[] buffer() {
    return buffer;
  }

  int capacity() {
    return buffer.length;
  }

  /** Fills {@code buffer[0..n)} with the file's bytes from {@code pos}. */
  void readFully(long pos, int n) throws IOException {
    window.clear().limit(n);
    while (window.hasRemaining()) {
      if (channel.read(window, pos + window.position()) < 0) {
        throw new EOFException(path + ": the file shrank while it was being hashed");
      }
    }
  }
}
