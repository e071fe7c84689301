package dev.capsem.core.internal.squashfs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One directory's listing as mksquashfs lays it out: runs of entries under a header, a new header
 * when 256 entries are reached, the inodes move to another metadata block, the inode numbers drift
 * beyond 16 bits, or the run would cross an 8 KiB window of the listing (which also records a
 * lookup index entry for the new header).
 */
final class DirectoryListing {

  /** A lookup index entry: the listing offset of a header, and its first name. */
  record Index(int offset, String name) {}

  private final Bytes bytes = new Bytes();
  private final List<Index> indexes = new ArrayList<>();
  private int entries = Format.ENTRIES_PER_HEADER;
  private int header = -1;
  private long headerBlock;
  private long headerNumber;
  private int indexWindow;
  private final List<int[]> headers = new ArrayList<>();
  private final List<long[]> headerValues = new ArrayList<>();

  void add(String name, long reference, long number, int type) {
    long block = reference >>> 16;
    int offset = (int) (reference & 0xffff);
    byte[] nameBytes = name.getBytes(StandardCharsets.ISO_8859_1);
    int size = nameBytes.length;
    long delta = number - headerNumber;
    boolean crossesWindow =
        header >= 0 && bytes.size() + 8 + size - indexWindow > Format.METADATA_SIZE;
    if (entries == Format.ENTRIES_PER_HEADER
        || block != headerBlock
        || crossesWindow
        || delta > 32767
        || delta < -32768) {
      if (header >= 0) {
        if (crossesWindow) {
          indexes.add(new Index(bytes.size(), name));
          indexWindow = bytes.size();
        }
        close();
      }
      header = bytes.size();
      headerBlock = block;
      headerNumber = number;
      entries = 0;
      bytes.u32(0).u32(0).u32(0);
      delta = 0;
    }
    bytes.u16(offset).u16(delta & 0xffff).u16(type).u16(size - 1).bytes(nameBytes);
    entries++;
  }

  private void close() {
    headers.add(new int[] {header, entries});
    headerValues.add(new long[] {headerBlock, headerNumber});
  }

  /** The listing's bytes, every header filled in. */
  byte[] bytes() {
    if (header >= 0) {
      close();
      header = -1;
    }
    byte[] out = bytes.array();
    for (int i = 0; i < headers.size(); i++) {
      int at = headers.get(i)[0];
      put32(out, at, headers.get(i)[1] - 1);
      put32(out, at + 4, headerValues.get(i)[0]);
      put32(out, at + 8, headerValues.get(i)[1]);
    }
    return out;
  }

  List<Index> indexes() {
    return List.copyOf(indexes);
  }

  private static void put32(byte[] b, int at, long value) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (value >>> (8 * i));
    }
  }
}
