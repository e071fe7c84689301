package dev.capsem.core.internal.squashfs;

/**
 * Bounds the metadata a reader walks through, so that a hostile image (one tiny block standing for
 * thousands of directory entries, inodes that point at each other) ends with E531 instead of
 * running for hours. The budget grows with the image: a real image spends a small fraction of it.
 */
final class WorkBudget {

  private static final long BASE = 1L << 30;
  private static final long PER_IMAGE_BYTE = 64;

  private long left;

  WorkBudget(long imageBytes) {
    this.left = BASE + PER_IMAGE_BYTE * imageBytes;
  }

  synchronized void spend(long bytes) throws SquashfsException {
    left -= bytes;
    if (left < 0) {
      throw SquashfsException.corrupt(
          "reading its metadata takes far more work than an image of its size can need");
    }
  }
}
