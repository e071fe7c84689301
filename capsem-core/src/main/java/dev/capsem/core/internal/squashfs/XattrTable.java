package dev.capsem.core.internal.squashfs;

import dev.capsem.core.internal.tar.Xattr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The xattr tables: an id table of {@code (reference, count, size)} sets, and the key/value
 * metadata the references point into. Values stored out of line are followed once.
 */
final class XattrTable {

  /** Linux refuses larger values (XATTR_SIZE_MAX); so does this reader. */
  private static final int MAX_VALUE = 65536;

  private static final int MAX_PER_INODE = 65536;

  private final ImageChannel image;
  private final MetadataBlocks metadata;
  private final WorkBudget budget;
  private final long idTableStart;
  private final long keyValueStart;
  private final long keyValueEnd;
  private final long count;
  private final long[] pointers;

  private XattrTable(
      ImageChannel image,
      MetadataBlocks metadata,
      WorkBudget budget,
      long idTableStart,
      long keyValueStart,
      long count,
      long[] pointers) {
    this.image = image;
    this.metadata = metadata;
    this.budget = budget;
    this.idTableStart = idTableStart;
    this.keyValueStart = keyValueStart;
    this.count = count;
    this.pointers = pointers;
    this.keyValueEnd = pointers.length == 0 ? idTableStart : pointers[0];
  }

  static XattrTable read(
      ImageChannel image, MetadataBlocks metadata, WorkBudget budget, long start, long end)
      throws IOException {
    byte[] header = new byte[16];
    image.read(start, header, 0, 16);
    long keyValueStart = le(header, 0, 8);
    long count = le(header, 8, 4);
    long pointerCount = (count * 16 + Format.METADATA_SIZE - 1) / Format.METADATA_SIZE;
    if (start + 16 + pointerCount * 8 > end) {
      throw SquashfsException.corrupt("xattr table index runs past the image");
    }
    if (keyValueStart < Format.SUPERBLOCK_SIZE || keyValueStart > start) {
      throw SquashfsException.corrupt("xattr key/value table starts out of place");
    }
    long[] pointers = new long[(int) pointerCount];
    byte[] raw = new byte[(int) pointerCount * 8];
    image.read(start + 16, raw, 0, raw.length);
    for (int i = 0; i < pointers.length; i++) {
      pointers[i] = le(raw, i * 8, 8);
      long previous = i == 0 ? keyValueStart : pointers[i - 1];
      if (pointers[i] < previous || pointers[i] >= start) {
        throw SquashfsException.corrupt("xattr id table index is out of order");
      }
    }
    return new XattrTable(image, metadata, budget, start, keyValueStart, count, pointers);
  }

  long count() {
    return count;
  }

  List<Xattr> get(long index) throws IOException {
    long offsetInTable = index * 16;
    MetadataCursor ids =
        new MetadataCursor(
            metadata,
            budget,
            pointers[(int) (offsetInTable / Format.METADATA_SIZE)],
            idTableStart,
            0,
            (int) (offsetInTable % Format.METADATA_SIZE));
    long reference = ids.u64();
    long entries = ids.u32();
    ids.u32(); // The set's size: what listxattr needs, not us.
    if (entries > MAX_PER_INODE) {
      throw SquashfsException.corrupt("xattr set " + index + " has " + entries + " entries");
    }
    MetadataCursor in = keyValues(reference);
    List<Xattr> out = new ArrayList<>();
    for (long i = 0; i < entries; i++) {
      int type = in.u16();
      int nameSize = in.u16();
      int prefix = type & 0xff;
      if (prefix >= Format.XATTR_PREFIXES.length || (type & ~0x1ff) != 0) {
        throw SquashfsException.corrupt("xattr set " + index + " has an unknown prefix " + type);
      }
      String name =
          Format.XATTR_PREFIXES[prefix]
              + new String(in.bytes(nameSize), StandardCharsets.ISO_8859_1);
      long valueSize = in.u32();
      byte[] value;
      if ((type & Format.XATTR_OUT_OF_LINE) != 0) {
        if (valueSize != 8) {
          throw SquashfsException.corrupt("xattr set " + index + " has a bad out-of-line value");
        }
        MetadataCursor outOfLine = keyValues(in.u64());
        value = value(outOfLine, outOfLine.u32(), index);
      } else {
        value = value(in, valueSize, index);
      }
      out.add(new Xattr(name, value));
    }
    return out;
  }

  private static byte[] value(MetadataCursor in, long size, long index) throws IOException {
    if (size > MAX_VALUE) {
      throw SquashfsException.corrupt("xattr set " + index + " has a value of " + size + " bytes");
    }
    return in.bytes((int) size);
  }

  private MetadataCursor keyValues(long reference) throws IOException {
    return new MetadataCursor(
        metadata, budget, keyValueStart, keyValueEnd, reference >>> 16, (int) (reference & 0xffff));
  }

  private static long le(byte[] b, int offset, int length) {
    long value = 0;
    for (int i = length - 1; i >= 0; i--) {
      value = value << 8 | (b[offset + i] & 0xff);
    }
    return value;
  }
}
