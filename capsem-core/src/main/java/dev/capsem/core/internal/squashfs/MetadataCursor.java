package dev.capsem.core.internal.squashfs;

import java.io.IOException;

/**
 * Reads a run of bytes that continues from one metadata block into the next, inside one table
 * ({@code [tableStart, tableEnd)}), charging every byte to the image's work budget.
 */
final class MetadataCursor {

  private final MetadataBlocks blocks;
  private final WorkBudget budget;
  private final long tableStart;
  private final long tableEnd;
  private long blockPosition;
  private MetadataBlocks.Block block;
  private int offset;

  /**
   * @param block the block's position relative to {@code tableStart}
   * @param offset the offset inside the decompressed block
   */
  MetadataCursor(
      MetadataBlocks blocks,
      WorkBudget budget,
      long tableStart,
      long tableEnd,
      long block,
      int offset)
      throws IOException {
    this.blocks = blocks;
    this.budget = budget;
    this.tableStart = tableStart;
    this.tableEnd = tableEnd;
    if (block < 0 || block >= tableEnd - tableStart || offset < 0) {
      throw SquashfsException.corrupt(
          "reference to metadata block " + block + " offset " + offset + " lies outside its table");
    }
    this.blockPosition = tableStart + block;
    this.block = blocks.read(blockPosition, tableEnd);
    if (offset > this.block.data().length) {
      throw SquashfsException.corrupt(
          "offset " + offset + " lies past the end of metadata block at " + blockPosition);
    }
    this.offset = offset;
  }

  /** The position of the next byte: the block relative to the table, and the offset in it. */
  long block() {
    return blockPosition - tableStart;
  }

  int offset() {
    return offset;
  }

  void read(byte[] target, int targetOffset, int length) throws IOException {
    budget.spend(length);
    int done = 0;
    while (done < length) {
      if (offset == block.data().length) {
        blockPosition = block.next();
        if (blockPosition >= tableEnd) {
          throw SquashfsException.corrupt("metadata runs past the end of its table");
        }
        block = blocks.read(blockPosition, tableEnd);
        offset = 0;
      }
      int n = Math.min(length - done, block.data().length - offset);
      System.arraycopy(block.data(), offset, target, targetOffset + done, n);
      offset += n;
      done += n;
    }
  }

  byte[] bytes(int length) throws IOException {
    byte[] out = new byte[length];
    read(out, 0, length);
    return out;
  }

  void skip(long length) throws IOException {
    byte[] scratch = new byte[(int) Math.min(length, 4096)];
    long left = length;
    while (left > 0) {
      int n = (int) Math.min(left, scratch.length);
      read(scratch, 0, n);
      left -= n;
    }
  }

  int u16() throws IOException {
    byte[] b = bytes(2);
    return (b[0] & 0xff) | (b[1] & 0xff) << 8;
  }

  short s16() throws IOException {
    return (short) u16();
  }

  long u32() throws IOException {
    byte[] b = bytes(4);
    return (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
  }

  long u64() throws IOException {
    return u32() | u32() << 32;
  }
}
