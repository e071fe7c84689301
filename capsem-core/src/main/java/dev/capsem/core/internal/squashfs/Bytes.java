package dev.capsem.core.internal.squashfs;

import java.io.ByteArrayOutputStream;

/** A little-endian byte buffer for the writer's inodes, listings and tables. */
final class Bytes {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  Bytes u16(long value) {
    out.write((int) value & 0xff);
    out.write((int) (value >>> 8) & 0xff);
    return this;
  }

  Bytes u32(long value) {
    u16(value & 0xffff);
    return u16((value >>> 16) & 0xffff);
  }

  Bytes u64(long value) {
    u32(value & 0xffffffffL);
    return u32(value >>> 32);
  }

  Bytes bytes(byte[] value) {
    out.write(value, 0, value.length);
    return this;
  }

  int size() {
    return out.size();
  }

  byte[] array() {
    return out.toByteArray();
  }
}
