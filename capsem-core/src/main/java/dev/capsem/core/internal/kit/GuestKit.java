package dev.capsem.core.internal.kit;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.WorkspaceSources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The guest kit shipped with the product (decision D17): the files of a folder laid out like
 * upstream's {@code guest/} (provider definitions, the VM environment, kernel defconfigs, the guest
 * artifacts), written by us and carried as classpath resources of {@code capsem-guest-kit}. The
 * kit's index lists every file with its mode, since resources can be neither listed nor given modes
 * portably; {@link #materialize} writes them into a folder, whole or one kind at a time.
 */
public final class GuestKit {

  /** Where the kit's files sit on the classpath. */
  static final String ROOT = "dev/capsem/kit/";

  static final String INDEX = "kit.index";
  static final String PROPERTIES = "kit.properties";
  private static final Pattern LINE =
      Pattern.compile("(0[0-7]{3}) ([A-Za-z0-9_.][A-Za-z0-9_./-]*)");

  /** The kinds of kit file an operator may replace with their own, by where they sit. */
  public enum Kind {
    /** AI-provider definitions, {@code config/ai/<id>.toml}. */
    PROVIDERS("config/ai/"),
    /** {@code config/vm/environment.toml}. */
    ENVIRONMENT("config/vm/environment.toml"),
    /** {@code config/kernel/defconfig.<arch>}. */
    DEFCONFIGS("config/kernel/"),
    /** {@code artifacts/}: capsem-init, the shell files, the diagnostics, the bench. */
    ARTIFACTS("artifacts/");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }

    boolean holds(String path) {
      return prefix.endsWith("/") ? path.startsWith(prefix) : path.equals(prefix);
    }
  }

  /**
   * One file of the kit.
   *
   * @param path its path in the kit, with {@code /}
   * @param mode its POSIX permissions ({@code 0755} for programs)
   */
  public record Entry(String path, int mode) {
    public Entry {
      Objects.requireNonNull(path, "path");
    }

    /** Whether the file is a program (the kit's programs are executable by everyone). */
    public boolean executable() {
      return (mode & 0111) != 0;
    }
  }

  private final ClassLoader loader;
  private final List<Entry> entries;
  private final String version;
  private final String doctorVersion;
  private final String capsemRelease;

  private GuestKit(ClassLoader loader, List<Entry> entries, Properties properties) {
    this.loader = loader;
    this.entries = List.copyOf(entries);
    this.version = properties.getProperty("version");
    this.doctorVersion = properties.getProperty("doctor.version");
    this.capsemRelease = properties.getProperty("capsem.release");
  }

  /** The kit on this class's classpath. */
  public static GuestKit bundled() {
    return from(GuestKit.class.getClassLoader());
  }

  /**
   * The kit {@code loader} holds.
   *
   * @throws IllegalStateException when its index or properties are missing or malformed: the
   *     product was packaged without its kit
   */
  static GuestKit from(ClassLoader loader) {
    String index = text(loader, INDEX);
    List<Entry> entries = new ArrayList<>();
    int number = 0;
    for (String line : index.split("\n", -1)) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher matcher = LINE.matcher(line);
      if (!matcher.matches() || matcher.group(2).contains("..")) {
        throw new IllegalStateException(
            "guest kit index line " + number + " is not 'MODE PATH': " + line);
      }
      entries.add(new Entry(matcher.group(2), Integer.parseInt(matcher.group(1), 8)));
    }
    Properties properties = new Properties();
    try {
      properties.load(new java.io.StringReader(text(loader, PROPERTIES)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (properties.getProperty("version") == null
        || properties.getProperty("doctor.version") == null
        || properties.getProperty("capsem.release") == null) {
      throw new IllegalStateException(
          "guest kit " + PROPERTIES + " lacks version, doctor.version or capsem.release");
    }
    return new GuestKit(loader, entries, properties);
  }

  /** The kit's own version ({@code kit.properties}). */
  public String version() {
    return version;
  }

  /** What the kit's {@code capsem-doctor --version} prints. */
  public String doctorVersion() {
    return doctorVersion;
  }

  /**
   * The Capsem release this product targets (the kit's boot contract is that release's): the binary
   * version an image build pairs its assets with unless the operator names one.
   */
  public String capsemRelease() {
    return capsemRelease;
  }

  /** Every file of the kit, in index order. */
  public List<Entry> entries() {
    return entries;
  }

  /** The files of one kind. */
  public List<Entry> entries(Kind kind) {
    return entries.stream().filter(entry -> kind.holds(entry.path())).toList();
  }

  /** The bytes of one kit file. */
  public byte[] bytes(Entry entry) {
    try (InputStream in = loader.getResourceAsStream(ROOT + entry.path())) {
      if (in == null) {
        throw new IllegalStateException(
            "guest kit file missing from the classpath: " + entry.path());
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read guest kit file " + entry.path(), e);
    }
  }

  /**
   * A stable name of the kit's content: its version and the start of a SHA-256 over every path,
   * mode and byte, so that a folder materialised from another kit is never taken for this one.
   */
  public String contentId() {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    for (Entry entry : entries) {
      digest.update(
          (entry.path() + "\0" + Integer.toOctalString(entry.mode()) + "\0")
              .getBytes(StandardCharsets.UTF_8));
      byte[] bytes = bytes(entry);
      digest.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
      digest.update(bytes);
    }
    return version + "-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
  }

  /** Writes the whole kit into {@code target}, which must not exist yet; returns it. */
  public Path materialize(Path target) throws IOException {
    return write(target, entries);
  }

  /** Writes the files of {@code kind} into {@code target} (at their kit paths); returns it. */
  public Path materialize(Path target, Kind kind) throws IOException {
    return write(target, entries(kind));
  }

  /**
   * The whole kit under {@code cacheRoot/<content id>}: written once, then reused (several builds
   * may ask at once; the first complete folder wins).
   */
  public Path cached(Path cacheRoot) throws IOException {
    Path target = cacheRoot.resolve(contentId());
    if (Files.isDirectory(target)) {
      return target;
    }
    return materialize(target);
  }

  /**
   * The workspace inputs of a materialised kit: providers, environment, defconfigs and artifacts
   * from {@code kitDir}, the CA from {@code caCertificate} (the kit holds none: a CA is the
   * operator's).
   */
  public static WorkspaceSources workspaceSources(Path kitDir, GivenPath caCertificate) {
    return WorkspaceSources.fromGuestDir(new GivenPath(kitDir, kitDir.toString()), caCertificate);
  }

  /**
   * Writes {@code files} into a hidden sibling of {@code target}, then moves it into place in one
   * step: a reader sees the whole kit or none of it. When another writer placed the same folder
   * meanwhile, theirs stays and ours is dropped.
   */
  private Path write(Path target, List<Entry> files) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.exists(absolute)) {
      throw new FileAlreadyExistsException(target.toString(), null, "the folder exists already");
    }
    Path parent = Files.createDirectories(absolute.getParent());
    Path partial = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
    try {
      for (Entry entry : files) {
        Path file = partial.resolve(entry.path());
        Files.createDirectories(file.getParent());
        Files.write(file, bytes(entry));
        setMode(file, entry.mode());
      }
      try {
        Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, absolute);
      }
      return target;
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
      if (Files.isDirectory(absolute)) {
        return target;
      }
      throw raced;
    } finally {
      deleteTree(partial);
    }
  }

  private static void setMode(Path file, int mode) throws IOException {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (0400 >> i)) != 0) {
        permissions.add(bits[i]);
      }
    }
    try {
      Files.setPosixFilePermissions(file, permissions);
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the image build sets the modes inside the image.
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static String text(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "the guest kit is not on the classpath (no "
                + ROOT
                + name
                + "): capsem-guest-kit"
                + " is missing from this installation");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
