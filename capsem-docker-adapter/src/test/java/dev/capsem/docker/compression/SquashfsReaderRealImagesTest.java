package dev.capsem.docker.compression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.squashfs.Inode;
import dev.capsem.core.internal.squashfs.Listing;
import dev.capsem.core.internal.squashfs.SquashfsImage;
import dev.capsem.core.internal.tar.Xattr;
import dev.capsem.core.ports.Hasher;
import dev.capsem.signing.Blake3;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader against images the real mksquashfs makes from a tree with every node kind, in gzip, xz
 * and zstd and with the layouts mksquashfs options give: the listing is byte for byte {@code
 * unsquashfs}'s, and every regular file reads back with the bytes {@code unsquashfs -d} extracts.
 */
class SquashfsReaderRealImagesTest {

  @TempDir static Path temp;

  private static Path tree;
  private static Path pseudo;
  private static final Map<String, Path> IMAGES = new ConcurrentHashMap<>();
  private static final Hasher BLAKE3 = Blake3.hasher();

  @BeforeAll
  static void sampleTree() throws Exception {
    RealTools.require("mksquashfs", "squashfs-tools");
    RealTools.require("unsquashfs", "squashfs-tools");
    tree = SampleTree.create(temp.resolve("tree"));
    pseudo = Files.writeString(temp.resolve("pseudo"), SampleTree.PSEUDO_DEVICES);
  }

  /** Each image: a name and mksquashfs's options for it. */
  static Stream<String> images() {
    return Stream.of(
        "gzip", "xz", "zstd", "zstd-tailends", "gzip-4k-no-fragments", "uncompressed", "xz-1m");
  }

  private static List<String> options(String image) {
    return switch (image) {
      case "gzip" -> List.of("-comp", "gzip");
      case "xz" -> List.of("-comp", "xz");
      case "zstd" -> List.of("-comp", "zstd", "-Xcompression-level", "15");
      case "zstd-tailends" -> List.of("-comp", "zstd", "-always-use-fragments");
      case "gzip-4k-no-fragments" -> List.of("-comp", "gzip", "-b", "4K", "-no-fragments");
      case "uncompressed" -> List.of("-comp", "gzip", "-noI", "-noD", "-noF", "-noX");
      case "xz-1m" -> List.of("-comp", "xz", "-b", "1M", "-Xdict-size", "50%");
      default -> throw new IllegalArgumentException(image);
    };
  }

  private static synchronized Path image(String name) throws Exception {
    Path existing = IMAGES.get(name);
    if (existing != null) {
      return existing;
    }
    Path image = temp.resolve(name + ".squashfs");
    List<String> command = new ArrayList<>();
    command.add("mksquashfs");
    command.add(tree.toString());
    command.add(image.toString());
    command.addAll(options(name));
    command.addAll(List.of("-noappend", "-no-progress", "-quiet", "-pf", pseudo.toString()));
    RealTools.run(command);
    IMAGES.put(name, image);
    return image;
  }

  private static byte[] ours(Path image, String path, Listing.Style style, Listing.Names names)
      throws IOException {
    try (FileChannel channel = FileChannel.open(image)) {
      SquashfsImage squashfs = SquashfsImage.open(channel, SquashfsCodecs.readers());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new Listing(squashfs, style, names).write(path, out);
      return out.toByteArray();
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("images")
  void listing_ofMksquashfsImage_isUnsquashfsLlnByteForByte(String name) throws Exception {
    Path image = image(name);
    byte[] expected = RealTools.run(List.of("unsquashfs", "-UTC", "-lln", image.toString()));

    byte[] actual = ours(image, "", Listing.Style.LONG_NUMERIC, Listing.Names.numeric());

    assertThat(text(actual)).isEqualTo(text(expected));
    assertThat(actual).isEqualTo(expected);
    assertThat(text(actual))
        .contains("squashfs-root/special/tty-big")
        .contains("squashfs-root/many/entry-02999");
  }

  @ParameterizedTest
  @MethodSource("images")
  void pathListing_ofMksquashfsImage_isUnsquashfsLsByteForByte(String name) throws Exception {
    Path image = image(name);
    byte[] expected = RealTools.run(List.of("unsquashfs", "-ls", image.toString()));

    byte[] actual = ours(image, "", Listing.Style.PATHS, Listing.Names.numeric());

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void namedListing_withTheHostsNames_isUnsquashfsLls() throws Exception {
    Path image = image("zstd");
    byte[] expected = RealTools.run(List.of("unsquashfs", "-UTC", "-lls", image.toString()));
    Map<Long, String> users = names(Path.of("/etc/passwd"));
    Map<Long, String> groups = names(Path.of("/etc/group"));
    Listing.Names names =
        new Listing.Names(
            uid -> Optional.ofNullable(users.get(uid)),
            gid -> Optional.ofNullable(groups.get(gid)));

    byte[] actual = ours(image, "", Listing.Style.LONG_NAMES, names);

    assertThat(text(actual)).isEqualTo(text(expected));
  }

  /** name:x:id:... as getpwuid/getgrgid find them: the first line with an id wins. */
  private static Map<Long, String> names(Path file) throws IOException {
    Map<Long, String> out = new TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] fields = line.split(":");
      if (fields.length >= 3) {
        out.putIfAbsent(Long.parseLong(fields[2]), fields[0]);
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("subPaths")
  void listing_ofAPath_isWhatUnsquashfsListsForThatPath(String path) throws Exception {
    Path image = image("zstd");
    byte[] expected = RealTools.run(List.of("unsquashfs", "-UTC", "-lln", image.toString(), path));

    byte[] actual = ours(image, path, Listing.Style.LONG_NUMERIC, Listing.Names.numeric());

    assertThat(text(actual)).isEqualTo(text(expected));
  }

  static Stream<String> subPaths() {
    return Stream.of("many", "files/random-65537", "deep/level-1/level-2", "links/to-one");
  }

  @ParameterizedTest
  @MethodSource("images")
  void everyRegularFile_readsTheBytesUnsquashfsExtracts(String name) throws Exception {
    Path image = image(name);
    Map<String, String> expected = extractedByUnsquashfs(image, temp.resolve("extracted-" + name));

    Map<String, String> actual = readByOurs(image);

    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    assertThat(actual).isEqualTo(expected);
    assertThat(expected).containsKeys("files/sparse", "dups/big-b", "links/hard-2");
  }

  /**
   * The same two properties on an image given by {@code CAPSEM_SQUASHFS_IMAGE}, e.g. the example's
   * built rootfs: {@code CAPSEM_SQUASHFS_IMAGE=.../assets/x86_64/rootfs.squashfs mvn test ...}.
   */
  @Test
  @EnabledIfEnvironmentVariable(named = "CAPSEM_SQUASHFS_IMAGE", matches = ".+")
  void givenImage_listingAndEveryRegularFile_areWhatUnsquashfsGives() throws Exception {
    Path image = Path.of(System.getenv("CAPSEM_SQUASHFS_IMAGE"));
    byte[] listing = RealTools.run(List.of("unsquashfs", "-UTC", "-lln", image.toString()));
    Map<String, String> extracted = extractedByUnsquashfs(image, temp.resolve("given"));

    byte[] ourListing = ours(image, "", Listing.Style.LONG_NUMERIC, Listing.Names.numeric());
    Map<String, String> read = readByOurs(image);

    assertThat(text(ourListing)).isEqualTo(text(listing));
    assertThat(ourListing).isEqualTo(listing);
    assertThat(read.keySet()).containsExactlyElementsOf(extracted.keySet());
    assertThat(read).isEqualTo(extracted);
    System.out.printf(
        "%s: %d listing lines and %d regular files (%d distinct contents) as unsquashfs gives%n",
        image,
        text(listing).lines().count(),
        read.size(),
        read.values().stream().distinct().count());
  }

  /** Path to BLAKE3 of every regular file {@code unsquashfs -d} extracts into {@code into}. */
  private static Map<String, String> extractedByUnsquashfs(Path image, Path into) throws Exception {
    RealTools.run(List.of("unsquashfs", "-no-xattrs", "-d", into.toString(), image.toString()));
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(into)) {
      for (Path file :
          walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
              .toList()) {
        hashes.put(into.relativize(file).toString(), BLAKE3.hexOfFile(file));
      }
    }
    RealTools.run(List.of("rm", "-rf", into.toString()));
    return hashes;
  }

  /** Path to BLAKE3 of every regular file, as our reader reads it. */
  private static Map<String, String> readByOurs(Path image) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (FileChannel channel = FileChannel.open(image)) {
      SquashfsImage squashfs = SquashfsImage.open(channel, SquashfsCodecs.readers());
      squashfs.walk(
          "",
          squashfs.root(),
          (path, inode) -> {
            if (inode instanceof Inode.File file) {
              hashes.put(
                  new String(path.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
                  blake3(squashfs.open(file)));
            }
            return true;
          });
    }
    return hashes;
  }

  private static String blake3(InputStream in) throws IOException {
    Hasher.HashStream hash = BLAKE3.start();
    byte[] buffer = new byte[40_000];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      hash.update(buffer, 0, n);
    }
    return hash.finishHex();
  }

  @ParameterizedTest
  @MethodSource("images")
  void xattrs_ofTaggedFile_areTheOnesSetOnTheTree(String name) throws Exception {
    Path image = image(name);
    try (FileChannel channel = FileChannel.open(image)) {
      SquashfsImage squashfs = SquashfsImage.open(channel, SquashfsCodecs.readers());
      Inode tagged = squashfs.lookup("xattrs/tagged").orElseThrow();
      Inode sameTags = squashfs.lookup("xattrs/same-tags").orElseThrow();

      List<Xattr> xattrs = squashfs.xattrs(tagged);

      Map<String, String> byName = new TreeMap<>();
      for (Xattr xattr : xattrs) {
        byName.put(xattr.name(), java.util.HexFormat.of().formatHex(xattr.value()));
      }
      assertThat(byName)
          .containsEntry("user.capsem.note", "68656c6c6f")
          .containsEntry("user.capsem.binary", "00ff10")
          .containsEntry("user.capsem.large", "ab".repeat(3000));
      assertThat(squashfs.xattrs(sameTags))
          .extracting(Xattr::name)
          .containsExactlyInAnyOrder("user.capsem.note", "user.capsem.binary");
      assertThat(squashfs.xattrs(squashfs.lookup("files/random-1").orElseThrow())).isEmpty();
    }
  }
}
