package dev.capsem.core.internal.image;

import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.ports.ContainerRuntimeException;
import dev.capsem.core.ports.Hasher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * What differs inside two builds of the same asset, to say why a rebuild is not bit-identical: for
 * a rootfs, every path whose type, mode, owner, link target or content differs (both images are
 * unpacked by {@code unsquashfs} in the asset-tools container, as they were written, decision D16);
 * for an initrd, every cpio entry that differs (read here: it is our own newc archive).
 */
public final class Reproducibility {

  /** Separates an image's entry list from its content sums in the listing script's output. */
  private static final String SUMS = "--- sums";

  private static final String END = "--- end";

  private Reproducibility() {}

  /**
   * The paths that differ between two squashfs images, sorted, each with how it differs ({@code
   * /etc/x: content}, {@code /var/y: only in the first}).
   *
   * @param baseImage the base image the asset-tools image is made from (the plan's)
   * @throws ContainerRuntimeException when the engine cannot run the comparison
   */
  public static List<String> rootfsDifferences(
      ContainerRuntime runtime, Hasher hasher, String baseImage, Path first, Path second)
      throws ContainerRuntimeException, IOException {
    String tools = ToolImages.assetToolsTag(hasher, baseImage);
    runtime.execute(new ContainerCommand.InspectImage(tools));
    String container =
        runtime
            .execute(
                new ContainerCommand.Create(
                    null, tools, false, List.of("bash", "-c", LISTING_SCRIPT)))
            .strip();
    try {
      runtime.execute(new ContainerCommand.CopyIn(first, container, "/a.squashfs"));
      runtime.execute(new ContainerCommand.CopyIn(second, container, "/b.squashfs"));
      String output = runtime.execute(new ContainerCommand.Start(container));
      String[] images = output.split(END + "\n", -1);
      if (images.length < 2) {
        throw new IOException("the rootfs listing ended early:\n" + tail(output));
      }
      return compare(parse(images[0]), parse(images[1]));
    } finally {
      try {
        runtime.execute(new ContainerCommand.RemoveContainer(container));
      } catch (ContainerRuntimeException ignored) {
        // The comparison's own failure, if any, is the one to report.
      }
    }
  }

  /** Unpacks {@code /a.squashfs} and {@code /b.squashfs} and lists each: entries, then sums. */
  static final String LISTING_SCRIPT =
      "set -eu\n"
          + "for n in a b; do\n"
          + "  unsquashfs -n -q -d /$n /$n.squashfs >/dev/null\n"
          + "  cd /$n\n"
          + "  find . -mindepth 1 -printf '%P\\t%y\\t%m\\t%U:%G\\t%l\\n' | LC_ALL=C sort\n"
          + "  echo '"
          + SUMS
          + "'\n"
          + "  find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum\n"
          + "  echo '"
          + END
          + "'\n"
          + "  cd /\n"
          + "done\n";

  /** One unpacked entry: {@code type mode owner link} and, for a regular file, its content sum. */
  private record Entry(String metadata, String sum) {}

  private static Map<String, Entry> parse(String listing) {
    Map<String, String> metadata = new TreeMap<>();
    Map<String, String> sums = new TreeMap<>();
    boolean inSums = false;
    for (String line : listing.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      if (line.equals(SUMS)) {
        inSums = true;
        continue;
      }
      if (inSums) {
        // sha256sum: <64 hex><two spaces>./<path>
        if (line.length() > 68) {
          sums.put(line.substring(68), line.substring(0, 64));
        }
      } else {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          metadata.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    }
    Map<String, Entry> entries = new TreeMap<>();
    metadata.forEach((path, meta) -> entries.put(path, new Entry(meta, sums.get(path))));
    return entries;
  }

  private static List<String> compare(Map<String, Entry> first, Map<String, Entry> second) {
    TreeSet<String> paths = new TreeSet<>(first.keySet());
    paths.addAll(second.keySet());
    List<String> differences = new ArrayList<>();
    for (String path : paths) {
      Entry a = first.get(path);
      Entry b = second.get(path);
      String shown = "/" + path;
      if (a == null) {
        differences.add(shown + ": only in the rebuild");
      } else if (b == null) {
        differences.add(shown + ": only in the previous build");
      } else if (!a.metadata().equals(b.metadata())) {
        differences.add(
            shown
                + ": type, mode, owner or link differ ("
                + a.metadata().replace('\t', ' ')
                + " / "
                + b.metadata().replace('\t', ' ')
                + ")");
      } else if (!Objects.equals(a.sum(), b.sum())) {
        differences.add(shown + ": content");
      }
    }
    return differences;
  }

  /** The cpio entries that differ between two of our initrd images (gzip, newc). */
  public static List<String> initrdDifferences(Path first, Path second) throws IOException {
    Map<String, String> a = cpioEntries(Files.readAllBytes(first));
    Map<String, String> b = cpioEntries(Files.readAllBytes(second));
    TreeSet<String> names = new TreeSet<>(a.keySet());
    names.addAll(b.keySet());
    List<String> differences = new ArrayList<>();
    for (String name : names) {
      if (!a.containsKey(name)) {
        differences.add("/" + name + ": only in the rebuild");
      } else if (!b.containsKey(name)) {
        differences.add("/" + name + ": only in the previous build");
      } else if (!a.get(name).equals(b.get(name))) {
        differences.add("/" + name + ": " + (sameHeader(a, b, name) ? "content" : "header"));
      }
    }
    if (differences.isEmpty() && Files.mismatch(first, second) != -1) {
      differences.add("(the same entries, compressed differently)");
    }
    return differences;
  }

  private static boolean sameHeader(Map<String, String> a, Map<String, String> b, String name) {
    return a.get(name)
        .substring(0, a.get(name).lastIndexOf(' '))
        .equals(b.get(name).substring(0, b.get(name).lastIndexOf(' ')));
  }

  /** name → "mode uid gid mtime sha256-of-data" of a gzip'd newc archive. */
  static Map<String, String> cpioEntries(byte[] gzip) throws IOException {
    byte[] cpio;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      cpio = in.readAllBytes();
    }
    Map<String, String> entries = new TreeMap<>();
    int at = 0;
    while (at + 110 <= cpio.length) {
      String header = new String(cpio, at, 110, StandardCharsets.US_ASCII);
      if (!header.startsWith("070701")) {
        throw new IOException("not a newc cpio archive at offset " + at);
      }
      long[] field = new long[13];
      for (int i = 0; i < 13; i++) {
        field[i] = Long.parseLong(header.substring(6 + 8 * i, 14 + 8 * i), 16);
      }
      int nameSize = (int) field[11];
      String name = new String(cpio, at + 110, Math.max(0, nameSize - 1), StandardCharsets.UTF_8);
      at = align(at + 110 + nameSize);
      if (name.equals("TRAILER!!!")) {
        break;
      }
      int size = (int) field[6];
      byte[] data = java.util.Arrays.copyOfRange(cpio, at, Math.min(cpio.length, at + size));
      at = align(at + size);
      entries.put(
          name,
          Long.toOctalString(field[1])
              + " "
              + field[2]
              + " "
              + field[3]
              + " "
              + field[5]
              + " "
              + sha256(data));
    }
    return entries;
  }

  private static int align(int offset) {
    return (offset + 3) & ~3;
  }

  private static String sha256(byte[] data) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String tail(String output) {
    String[] lines = output.split("\n");
    StringBuilder out = new StringBuilder();
    for (int i = Math.max(0, lines.length - 10); i < lines.length; i++) {
      out.append(lines[i]).append('\n');
    }
    return out.toString();
  }
}
