package dev.capsem.core.internal.squashfs;

import static dev.capsem.core.testing.TarStream.directory;
import static dev.capsem.core.testing.TarStream.file;
import static dev.capsem.core.testing.TarStream.hardLink;
import static dev.capsem.core.testing.TarStream.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.diag.Code;
import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.testing.TarStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and hostile images: each fails with its code, in bounded time and memory. Images are
 * written with every block stored (no compression), so a test can patch the structure it attacks;
 * the decompression bombs use the run-length fake, whose blocks can claim any size.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SquashfsImageHostileTest {

  @TempDir Path temp;

  private byte[] image;

  @BeforeEach
  void storedImage() throws IOException {
    byte[] tar =
        new TarStream()
            .add(directory("a"))
            .add(directory("a/b"))
            .add(file("a/b/file", "content of the file\n"))
            .add(file("a/x", "x"))
            .add(file("a/y", "y"))
            .add(file("big", new byte[70_000]).withData(pattern(70_000)))
            .add(hardLink("big-link", "big"))
            .add(symlink("link", "a/x"))
            .add(file("tagged", "t").withXattr("user.a", new byte[] {1}))
            .bytes();
    image = Images.write(tar, Images.STORED, 1, temp);
  }

  private static byte[] pattern(int size) {
    byte[] out = new byte[size];
    for (int i = 0; i < size; i++) {
      out[i] = (byte) (i * 31 + i / 7);
    }
    return out;
  }

  /** Opens, walks and reads every file and xattr: what listing and extraction do. */
  private static void readEverything(byte[] bytes) throws IOException {
    SquashfsImage squashfs = Images.open(bytes);
    squashfs.walk(
        "",
        squashfs.root(),
        (path, inode) -> {
          squashfs.xattrs(inode);
          if (inode instanceof Inode.File file) {
            try (InputStream in = squashfs.open(file)) {
              in.transferTo(java.io.OutputStream.nullOutputStream());
            }
          }
          return true;
        });
  }

  private static void assertCode(ThrowingCallable call, Code code, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(SquashfsException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(message);
  }

  private ByteBuffer le() {
    return Images.little(image);
  }

  private long inodeTable() {
    return le().getLong(64);
  }

  private long directoryTable() {
    return le().getLong(72);
  }

  /** Where an inode's bytes are in a stored image (small images: one metadata block). */
  private int inodeAt(String path) throws IOException {
    long reference = Images.open(image).lookup(path).orElseThrow().attributes().reference();
    return (int) (inodeTable() + (reference >>> 16) + 2 + (reference & 0xffff));
  }

  /** Where a directory's listing starts in a stored image. */
  private int listingAt(String path) throws IOException {
    Inode.Directory d = (Inode.Directory) Images.open(image).lookup(path).orElseThrow();
    return (int) (directoryTable() + d.listingBlock() + 2 + d.listingOffset());
  }

  @Test
  void storedImage_isReadable() throws IOException {
    readEverything(image);
    assertThat(Images.open(image).lookup("a/b/file")).isPresent();
  }

  @Test
  void open_notSquashfs_failsE530() {
    byte[] random = new byte[4096];
    new Random(1).nextBytes(random);

    assertCode(() -> Images.open(random), Code.E530, "bad magic");
    assertCode(() -> Images.open(new byte[10]), Code.E530, "shorter than a superblock");
  }

  @Test
  void open_squashfs3_failsE530() {
    le().putShort(28, (short) 3).putShort(30, (short) 1);

    assertCode(() -> Images.open(image), Code.E530, "version 3.1 is not supported");
  }

  @Test
  void open_lzoImage_failsE532NamingIt() {
    le().putShort(20, (short) 3);

    assertCode(() -> Images.open(image), Code.E532, "compression lzo (id 3) is not supported");
  }

  @Test
  void open_sizeBeyondTheFile_failsE531() {
    le().putLong(40, image.length + 1L);

    assertCode(() -> Images.open(image), Code.E531, "the superblock says the image holds");
  }

  @Test
  void open_blockSizeNotAPowerOfTwo_failsE531() {
    le().putInt(12, 3000);

    assertCode(() -> Images.open(image), Code.E531, "block size 3000");
  }

  @Test
  void open_tablesOutOfOrder_failsE531() {
    le().putLong(64, le().getLong(72) + 10);

    assertCode(() -> Images.open(image), Code.E531, "out of place");
  }

  @Test
  void walk_directoryPointingAtItsParent_failsE531Loop() throws IOException {
    SquashfsImage before = Images.open(image);
    long a = before.lookup("a").orElseThrow().attributes().reference();
    int listing = listingAt("a");
    // a's listing: header (count, inode block, base number), then "b" first: point it at a.
    ByteBuffer b = le();
    b.putInt(listing + 4, (int) (a >>> 16));
    b.putShort(listing + 12, (short) (a & 0xffff));
    long aNumber = before.lookup("a").orElseThrow().attributes().number();
    b.putShort(listing + 14, (short) (aNumber - b.getInt(listing + 8)));

    assertCode(() -> readEverything(image), Code.E531, "directory loop");
  }

  @Test
  void entries_namesOutOfOrder_failE531() throws IOException {
    int listing = listingAt("a");
    // Entries b, x, y: rename y to a, so a comes last.
    int y = indexOf("y".getBytes(StandardCharsets.US_ASCII), listing);
    image[y] = 'a';

    assertCode(() -> readEverything(image), Code.E531, "out of order or repeated");
  }

  @Test
  void entries_nameWithSlash_failsE531() throws IOException {
    int listing = listingAt("a");
    int x = indexOf("x".getBytes(StandardCharsets.US_ASCII), listing);
    image[x] = '/';

    assertCode(() -> readEverything(image), Code.E531, "invalid name");
  }

  @Test
  void entries_headerCountOver256_failsE531() throws IOException {
    le().putInt(listingAt("a"), 300);

    assertCode(() -> readEverything(image), Code.E531, "too many entries");
  }

  private int indexOf(byte[] needle, int from) {
    for (int i = from; i < image.length - needle.length; i++) {
      if (java.util.Arrays.equals(image, i, i + needle.length, needle, 0, needle.length)
          && image[i - 1] == 0) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  @Test
  void open_hugeFileSize_failsE531() throws IOException {
    int big = inodeAt("big"); // an extended file inode: it has two links
    le().putLong(big + 16 + 8, 1L << 60);

    assertCode(() -> Images.open(image).lookup("big"), Code.E531, "claims");
  }

  @Test
  void read_blockOutsideTheData_failsE531() throws IOException {
    int big = inodeAt("big");
    le().putLong(big + 16, inodeTable() - 10);

    assertCode(() -> readEverything(image), Code.E531, "outside the data");
  }

  @Test
  void read_blockSizeWordTooLarge_failsE531() throws IOException {
    int big = inodeAt("big");
    // Extended file inode: 16-byte header + 40 bytes, then the block list.
    le().putInt(big + 56, 200_000);

    assertCode(() -> readEverything(image), Code.E531, "bad size");
  }

  @Test
  void lookup_fragmentIndexPastTheTable_failsE531() throws IOException {
    int small = inodeAt("a/x"); // a basic file inode: start, fragment, offset, size
    le().putInt(small + 16 + 4, 99);

    assertCode(() -> Images.open(image).lookup("a/x"), Code.E531, "bad fragment");
  }

  @Test
  void lookup_idIndexPastTheTable_failsE531() throws IOException {
    le().putShort(inodeAt("a/x") + 4, (short) 77);

    assertCode(() -> Images.open(image).lookup("a/x"), Code.E531, "id index");
  }

  @Test
  void lookup_inodeNumberZero_failsE531() throws IOException {
    le().putInt(inodeAt("a/x") + 12, 0);

    assertCode(() -> Images.open(image).lookup("a/x"), Code.E531, "inode number 0");
  }

  @Test
  void lookup_symlinkLongerThan65535_failsE531() throws IOException {
    le().putInt(inodeAt("link") + 20, 70_000);

    assertCode(() -> Images.open(image).lookup("link"), Code.E531, "70000 long");
  }

  @Test
  void lookup_xattrSetPastTheTable_failsE531() throws IOException {
    int tagged = inodeAt("tagged"); // extended file: xattr index after start, size, sparse, ...
    le().putInt(tagged + 16 + 36, 5);

    assertCode(() -> Images.open(image).lookup("tagged"), Code.E531, "missing xattr set");
  }

  @Test
  void read_dataBlockBomb_failsE533() throws IOException {
    byte[] bombed = runLengthImageWithZeros();
    SquashfsImage squashfs = Images.open(bombed);
    Inode.File zeros = (Inode.File) squashfs.lookup("text").orElseThrow();
    int block = (int) zeros.blocksStart();
    // The run-length block's declared size (after its marker byte): claim a gigabyte.
    Images.little(bombed).putInt(block + 1, 1 << 30);

    assertCode(() -> readEverything(bombed), Code.E533, "does not decompress to at most 65536");
  }

  @Test
  void open_metadataBlockBomb_failsE533() throws IOException {
    byte[] bombed = runLengthImageWithZeros();
    int inodes = (int) Images.little(bombed).getLong(64);
    // The inode table's first block becomes a 7-byte run-length block claiming a gigabyte.
    Images.little(bombed)
        .putShort(inodes, (short) 7)
        .put(inodes + 2, (byte) 0xA5)
        .putInt(inodes + 3, 1 << 30)
        .put(inodes + 7, (byte) 255)
        .put(inodes + 8, (byte) 0);

    assertCode(() -> readEverything(bombed), Code.E533, "does not decompress to at most 8192");
  }

  private byte[] runLengthImageWithZeros() throws IOException {
    StringBuilder text = new StringBuilder();
    while (text.length() < 70_000) {
      text.append("a".repeat(300)).append('\n');
    }
    byte[] tar =
        new TarStream()
            .add(file("text", text.substring(0, 70_000)))
            .add(directory("d"))
            .add(file("d/f", "x"))
            .bytes();
    return Images.write(tar, Images.RUN_LENGTH, 1, temp);
  }

  /**
   * Random damage anywhere in a valid image: reading it either works or fails with a {@link
   * SquashfsException}, never another exception, and always ends.
   */
  @Test
  void readEverything_randomlyDamagedImages_failOnlyWithSquashfsExceptions() throws IOException {
    Random random = new Random(20260522L);
    int failures = 0;
    for (int round = 0; round < 400; round++) {
      byte[] damaged = image.clone();
      int flips = 1 + random.nextInt(4);
      for (int i = 0; i < flips; i++) {
        int at = random.nextInt(damaged.length);
        damaged[at] = (byte) random.nextInt(256);
      }
      try {
        readEverything(damaged);
      } catch (SquashfsException expected) {
        failures++;
      }
    }
    assertThat(failures).isPositive();
  }

  @Test
  void readEverything_damagedCompressedImages_failOnlyWithSquashfsExceptions() throws IOException {
    byte[] gzip =
        Images.write(
            new TarStream()
                .add(file("a/one", pattern(100_000)))
                .add(file("a/two", "two"))
                .add(symlink("a/three", "one"))
                .bytes(),
            SquashfsCodec.gzip(9),
            1,
            temp);
    Random random = new Random(7);
    int failures = 0;
    for (int round = 0; round < 300; round++) {
      byte[] damaged = gzip.clone();
      damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
      try {
        readEverything(damaged);
      } catch (SquashfsException expected) {
        assertThat(expected.code()).isIn(Code.E530, Code.E531, Code.E532, Code.E533);
        failures++;
      }
    }
    assertThat(failures).isPositive();
  }
}
