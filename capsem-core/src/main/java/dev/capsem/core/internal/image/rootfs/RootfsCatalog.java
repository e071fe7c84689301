package dev.capsem.core.internal.image.rootfs;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.image.CodePointOrder;
import dev.capsem.core.internal.squashfs.Inode;
import dev.capsem.core.internal.squashfs.SquashfsImage;
import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a rootfs holds, read from the filesystem itself as a scanner would: the Debian release
 * ({@code /etc/os-release}), dpkg's installed packages, the Python distributions and global npm
 * packages, and the guest agents ({@code /usr/local/bin/capsem-*}) with their digests.
 *
 * @param distro {@code debian-12} from {@code ID} and {@code VERSION_ID}, or empty when unknown
 * @param packages apt, then Python, then npm packages, each sorted by name
 * @param files the guest agents, sorted by path
 * @param warnings W531 for package metadata that could not be read
 */
public record RootfsCatalog(
    String distro,
    List<RootfsPackage> packages,
    List<RootfsFile> files,
    List<Diagnostic> warnings) {

  static final String GUEST_BINARIES = "/usr/local/bin";
  static final String GUEST_BINARY_PREFIX = "capsem-";

  public RootfsCatalog {
    packages = List.copyOf(packages);
    files = List.copyOf(files);
    warnings = List.copyOf(warnings);
  }

  /** The packages of one kind ({@code apt}, {@code python}, {@code node}). */
  public List<RootfsPackage> packages(String kind) {
    return packages.stream().filter(p -> p.kind().equals(kind)).toList();
  }

  /** Reads the catalogue of {@code image}; the guest agents are hashed with {@code hasher}. */
  public static RootfsCatalog read(SquashfsImage image, Hasher hasher) throws IOException {
    RootfsFiles files = new RootfsFiles(image);
    List<Diagnostic> warnings = new ArrayList<>();
    List<RootfsPackage> apt = new ArrayList<>();
    Optional<byte[]> status = files.read(DpkgStatus.PATH, 256L << 20);
    if (status.isPresent()) {
      apt.addAll(DpkgStatus.parse(status.get()));
    }
    List<RootfsPackage> python = new ArrayList<>();
    PythonDistributions.read(files, python, warnings);
    List<RootfsPackage> node = new ArrayList<>();
    NpmPackages.read(files, node, warnings);
    Comparator<RootfsPackage> order =
        Comparator.comparing(RootfsPackage::name, CodePointOrder.INSTANCE)
            .thenComparing(RootfsPackage::architecture)
            .thenComparing(RootfsPackage::source);
    List<RootfsPackage> packages = new ArrayList<>();
    packages.addAll(apt.stream().sorted(order).toList());
    packages.addAll(python.stream().sorted(order).toList());
    packages.addAll(node.stream().sorted(order).toList());

    List<RootfsFile> binaries = new ArrayList<>();
    for (String name : files.list(GUEST_BINARIES).stream().sorted().toList()) {
      String path = GUEST_BINARIES + "/" + name;
      if (!name.startsWith(GUEST_BINARY_PREFIX)) {
        continue;
      }
      Optional<Inode> inode = image.lookup(RootfsFiles.bytes(path));
      if (inode.isPresent() && inode.get() instanceof Inode.File file) {
        try (InputStream in = files.open(file)) {
          binaries.add(digests(path, file.size(), in, hasher));
        }
      }
    }
    return new RootfsCatalog(distro(files), packages, binaries, warnings);
  }

  /** SHA-1, SHA-256 and BLAKE3 of a stream, in one pass. */
  public static RootfsFile digests(String path, long size, InputStream in, Hasher hasher)
      throws IOException {
    MessageDigest sha1 = digest("SHA-1");
    MessageDigest sha256 = digest("SHA-256");
    Hasher.HashStream blake3 = hasher.start();
    byte[] buffer = new byte[1 << 16];
    long total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      sha1.update(buffer, 0, n);
      sha256.update(buffer, 0, n);
      blake3.update(buffer, 0, n);
      total += n;
    }
    if (size >= 0 && total != size) {
      throw new IOException(path + ": read " + total + " bytes, expected " + size);
    }
    HexFormat hex = HexFormat.of();
    return new RootfsFile(
        path,
        total,
        hex.formatHex(sha1.digest()),
        hex.formatHex(sha256.digest()),
        blake3.finishHex());
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has " + algorithm, e);
    }
  }

  /** {@code ID-VERSION_ID} of os-release (where Debian links it), e.g. {@code debian-12}. */
  private static String distro(RootfsFiles files) throws IOException {
    Optional<byte[]> release = files.read("/etc/os-release", 1 << 16);
    if (release.isEmpty()) {
      release = files.read("/usr/lib/os-release", 1 << 16);
    }
    if (release.isEmpty()) {
      return "";
    }
    String id = null;
    String version = null;
    for (String line : new String(release.get(), StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("ID=")) {
        id = unquote(line.substring(3));
      } else if (line.startsWith("VERSION_ID=")) {
        version = unquote(line.substring(11));
      }
    }
    if (id == null || id.isEmpty()) {
      return "";
    }
    return version == null || version.isEmpty() ? id : id + "-" + version;
  }

  private static String unquote(String value) {
    String v = value.strip();
    if (v.length() >= 2
        && (v.startsWith("\"") || v.startsWith("'"))
        && v.endsWith(v.substring(0, 1))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
