package dev.capsem.core.internal.squashfs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A regular file's bytes: its blocks in order (a block of size 0 is a hole of zeros), then its tail
 * from a fragment block. One block is held at a time; the block list is read as it goes.
 */
final class FileContent extends InputStream {

  private final SquashfsImage image;
  private final Inode.File file;
  private final int blockSize;
  private final long blocks;
  private final MetadataCursor blockList;
  private final byte[] buffer;
  private long blockIndex;
  private long position;
  private long dataPosition;
  private int bufferLength;
  private int bufferOffset;
  private boolean tailRead;

  FileContent(SquashfsImage image, Inode.File file) throws IOException {
    this.image = image;
    this.file = file;
    this.blockSize = image.blockSize();
    long size = file.size();
    this.blocks = file.hasFragment() ? size / blockSize : (size + blockSize - 1) / blockSize;
    this.blockList = image.inodeCursor(file.blockListBlock(), file.blockListOffset());
    this.buffer = new byte[blockSize];
    this.dataPosition = file.blocksStart();
    this.tailRead = !file.hasFragment();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (bufferOffset == bufferLength && !fill()) {
      return -1;
    }
    int n = Math.min(length, bufferLength - bufferOffset);
    System.arraycopy(buffer, bufferOffset, target, offset, n);
    bufferOffset += n;
    position += n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] scratch = new byte[(int) Math.min(n, 8192)];
    long skipped = 0;
    while (skipped < n) {
      int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  private boolean fill() throws IOException {
    bufferOffset = 0;
    if (blockIndex < blocks) {
      long expected = Math.min(blockSize, file.size() - blockIndex * blockSize);
      long word = blockList.u32();
      blockIndex++;
      if ((word & (Format.DATA_UNCOMPRESSED - 1)) == 0) {
        Arrays.fill(buffer, 0, (int) expected, (byte) 0);
        bufferLength = (int) expected;
      } else {
        bufferLength = image.readBlock(dataPosition, word, buffer, (int) expected);
        dataPosition += word & (Format.DATA_UNCOMPRESSED - 1);
      }
      return true;
    }
    if (!tailRead) {
      tailRead = true;
      int tail = (int) (file.size() - blocks * blockSize);
      byte[] whole = image.fragmentBlock(file.fragment());
      if (file.fragmentOffset() + (long) tail > whole.length) {
        throw SquashfsException.corrupt(
            "file inode " + file.attributes().number() + " reads past its fragment");
      }
      System.arraycopy(whole, file.fragmentOffset(), buffer, 0, tail);
      bufferLength = tail;
      return tail > 0 || fill();
    }
    if (position != file.size()) {
      throw SquashfsException.corrupt("file inode " + file.attributes().number() + " is short");
    }
    return false;
  }
}
