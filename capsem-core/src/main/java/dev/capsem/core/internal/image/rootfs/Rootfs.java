package dev.capsem.core.internal.image.rootfs;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.image.sbom.RootfsSbom;
import dev.capsem.core.internal.image.verify.ImageInventory;
import dev.capsem.core.internal.image.verify.InventoryCrossCheck;
import dev.capsem.core.internal.squashfs.Inode;
import dev.capsem.core.internal.squashfs.Listing;
import dev.capsem.core.internal.squashfs.SquashfsException;
import dev.capsem.core.internal.squashfs.SquashfsImage;
import dev.capsem.core.internal.squashfs.SquashfsWriter;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.SquashfsCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rootfs's use cases, in one place for the command line, the Maven plugin and the image build:
 * write the squashfs from the container's tar stream, list it ({@code image ls}) and print a file
 * ({@code image cat}), catalogue what it holds, describe that as an SPDX document, and check the
 * build's inventory against it. Failures are {@link SquashfsException}s carrying their code
 * (E530-E537).
 */
public final class Rootfs {

  private final List<SquashfsCodec> codecs;
  private final Hasher hasher;

  private Rootfs(List<SquashfsCodec> codecs, Hasher hasher) {
    this.codecs = List.copyOf(codecs);
    this.hasher = Objects.requireNonNull(hasher, "hasher");
  }

  /**
   * @param codecs the codecs images may use (zstd, xz and gzip from capsem-docker-adapter's {@code
   *     SquashfsCodecs.readers()})
   * @param hasher BLAKE3 ({@code Blake3.hasher()})
   */
  public static Rootfs with(List<SquashfsCodec> codecs, Hasher hasher) {
    return new Rootfs(codecs, hasher);
  }

  /**
   * Writes the image of {@code tar} to {@code target} atomically: a temporary file in the same
   * folder, moved into place once complete; nothing is left behind on failure.
   */
  public SquashfsWriter.Result write(InputStream tar, Path target, SquashfsWriter.Settings settings)
      throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temp =
        Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
    try {
      SquashfsWriter.Result result;
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        result = SquashfsWriter.write(tar, out, settings);
        out.force(true);
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      return result;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * {@code image ls}: the listing of {@code path} (UTF-8; empty for all) as {@code unsquashfs -lln}
   * prints it ({@link Listing.Style#LONG_NUMERIC}), or {@code -ls}/{@code -lls}.
   */
  public void list(
      Path image, String path, Listing.Style style, Listing.Names names, OutputStream out)
      throws IOException {
    try (FileChannel channel = open(image)) {
      SquashfsImage squashfs = SquashfsImage.open(channel, codecs);
      new Listing(squashfs, style, names).write(RootfsFiles.bytes(path), out);
    }
  }

  /**
   * The guest's own user and group names ({@code /etc/passwd}, {@code /etc/group} of the image),
   * for {@link Listing.Style#LONG_NAMES}: names as the guest shows them, not as the host would.
   */
  public Listing.Names names(Path image) throws IOException {
    try (FileChannel channel = open(image)) {
      RootfsFiles files = new RootfsFiles(SquashfsImage.open(channel, codecs));
      Map<Long, String> users = ids(files.read("/etc/passwd", 16L << 20));
      Map<Long, String> groups = ids(files.read("/etc/group", 16L << 20));
      return new Listing.Names(
          uid -> Optional.ofNullable(users.get(uid)), gid -> Optional.ofNullable(groups.get(gid)));
    }
  }

  /** {@code name:x:id:...} lines: the first name of each id, as getpwuid and getgrgid find it. */
  private static Map<Long, String> ids(Optional<byte[]> file) {
    Map<Long, String> out = new HashMap<>();
    if (file.isEmpty()) {
      return out;
    }
    for (String line : new String(file.get(), StandardCharsets.UTF_8).split("\n")) {
      String[] fields = line.split(":", -1);
      if (fields.length >= 3 && !fields[0].isEmpty()) {
        try {
          out.putIfAbsent(Long.parseLong(fields[2]), fields[0]);
        } catch (NumberFormatException e) {
          // A malformed line names nobody.
        }
      }
    }
    return out;
  }

  /**
   * {@code image cat}: the bytes of the regular file at {@code path} (UTF-8, symbolic links
   * followed as in the guest), streamed block by block.
   *
   * @throws SquashfsException E534 when there is no such file or it is not a regular file
   */
  public void cat(Path image, String path, OutputStream out) throws IOException {
    try (FileChannel channel = open(image)) {
      RootfsFiles files = new RootfsFiles(SquashfsImage.open(channel, codecs));
      Optional<Inode> inode = files.resolve(path);
      if (inode.isEmpty()) {
        throw new SquashfsException(
            Code.E534, "no such file in " + image.getFileName() + ": " + absolute(path));
      }
      if (!(inode.get() instanceof Inode.File file)) {
        throw new SquashfsException(
            Code.E534, "not a regular file: " + absolute(path) + " (" + kind(inode.get()) + ")");
      }
      try (InputStream in = files.open(file)) {
        in.transferTo(out);
      }
    }
  }

  /** What the rootfs at {@code image} holds. */
  public RootfsCatalog catalog(Path image) throws IOException {
    try (FileChannel channel = open(image)) {
      return RootfsCatalog.read(SquashfsImage.open(channel, codecs), hasher);
    }
  }

  /**
   * What {@link #sbom} describes.
   *
   * @param rootfs the rootfs squashfs file
   * @param bootFiles the kernel and initrd files (may be empty)
   */
  public record SbomRequest(
      String profileId,
      String revision,
      String packageContractHash,
      String arch,
      Path rootfs,
      List<Path> bootFiles,
      Instant created) {
    public SbomRequest {
      bootFiles = List.copyOf(bootFiles);
    }
  }

  /** The rootfs's SPDX 2.3 document and the catalogue it was made from. */
  public record Sbom(String json, RootfsCatalog catalog) {}

  /**
   * The SPDX document of the rootfs as it is (the filesystem-based variant of {@code image sbom}).
   */
  public Sbom sbom(SbomRequest request) throws IOException {
    RootfsCatalog catalog = catalog(request.rootfs());
    List<RootfsFile> boot = new ArrayList<>();
    for (Path file : request.bootFiles()) {
      boot.add(fileDigests(file));
    }
    String json =
        RootfsSbom.json(
            new RootfsSbom.Subject(
                request.profileId(),
                request.revision(),
                request.packageContractHash(),
                request.arch(),
                fileDigests(request.rootfs()),
                catalog,
                boot,
                request.created()));
    return new Sbom(json, catalog);
  }

  /** E537 for every way the build's inventory and the rootfs disagree (see InventoryCrossCheck). */
  public List<Diagnostic> crossCheck(
      ImageInventory inventory, String inventoryFile, RootfsCatalog catalog, String arch) {
    return InventoryCrossCheck.compare(inventory, catalog, arch, inventoryFile);
  }

  private RootfsFile fileDigests(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return RootfsCatalog.digests(file.getFileName().toString(), Files.size(file), in, hasher);
    }
  }

  private static FileChannel open(Path image) throws IOException {
    try {
      return FileChannel.open(image, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new SquashfsException(Code.E530, "no such rootfs image: " + image);
    }
  }

  private static String absolute(String path) {
    return path.startsWith("/") ? path : "/" + path;
  }

  private static String kind(Inode inode) {
    if (inode instanceof Inode.Directory) {
      return "a directory";
    }
    if (inode instanceof Inode.Device) {
      return "a device";
    }
    return "a FIFO or socket";
  }
}
