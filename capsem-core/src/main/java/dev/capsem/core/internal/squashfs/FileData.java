package dev.capsem.core.internal.squashfs;

/**
 * Where a file's bytes went: its blocks (their size words; 0 for a hole) from {@code start}, and
 * its tail in a fragment block. Filled in by the data writer as its blocks reach the image.
 */
final class FileData {

  final long size;
  long start;
  int[] words = new int[0];
  long sparse;
  long fragment = -1;
  int fragmentOffset;

  FileData(long size) {
    this.size = size;
  }

  boolean hasFragment() {
    return fragment >= 0;
  }
}
