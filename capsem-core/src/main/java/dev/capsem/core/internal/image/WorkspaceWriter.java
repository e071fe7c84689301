package dev.capsem.core.internal.image;

import dev.capsem.core.ports.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes a derived workspace: refuses a non-empty folder unless forced, and writes each file
 * atomically. It records the files it wrote ({@value #RECORD}), so that a later, forced write
 * removes those of an earlier profile that the new one does not derive (ours: upstream overwrites
 * in place and keeps them, and a build then used an npm package file the profile no longer listed).
 * Files it did not write (a user's notes) are kept.
 */
public final class WorkspaceWriter {

  /** The list of files this product wrote in a workspace, one relative path a line. */
  public static final String RECORD = ".capsem-workspace-files";

  private static final String RECORD_HEADER = "# capsem-workspace-files v1";

  private static final Set<PosixFilePermission> READABLE =
      PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> EXECUTABLE =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private WorkspaceWriter() {}

  /**
   * Upstream's refusal for a non-empty folder without {@code force}, or null when {@code dir} may
   * be written.
   */
  public static String refusal(Path dir, String shown, boolean force) throws IOException {
    if (force || !Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        return shown + " is not empty; pass --force to overwrite";
      }
    }
    return null;
  }

  /**
   * Writes every file under {@code dir} (created with its parents), after removing the files an
   * earlier write recorded that this one does not write.
   */
  public static void write(Path dir, List<WorkspaceFile> files) throws IOException {
    Files.createDirectories(dir);
    Set<String> now = new TreeSet<>();
    files.forEach(file -> now.add(file.path()));
    for (String old : recorded(dir)) {
      if (!now.contains(old)) {
        removeOurs(dir, old);
      }
    }
    for (WorkspaceFile file : files) {
      Path target = dir.resolve(file.path());
      Files.createDirectories(target.getParent());
      AtomicFiles.write(target, file.content());
      try {
        Files.setPosixFilePermissions(target, file.executable() ? EXECUTABLE : READABLE);
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system (Windows): modes are set again inside the image build.
      }
    }
    AtomicFiles.writeString(
        dir.resolve(RECORD), RECORD_HEADER + "\n" + String.join("\n", now) + "\n");
  }

  /** The files an earlier write recorded, or none. */
  private static List<String> recorded(Path dir) throws IOException {
    Path record = dir.resolve(RECORD);
    if (!Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(RECORD_HEADER)) {
      return List.of();
    }
    return lines.subList(1, lines.size());
  }

  /**
   * Removes one recorded file, only if it is still a regular file inside {@code dir} (a record that
   * was edited cannot make this delete anything else), then its folders left empty.
   */
  private static void removeOurs(Path dir, String relative) throws IOException {
    if (relative.isBlank()) {
      return;
    }
    Path root = dir.toAbsolutePath().normalize();
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      return;
    }
    for (Path at = root.relativize(file).getParent() == null ? null : file.getParent();
        at != null && !at.equals(root);
        at = at.getParent()) {
      if (Files.isSymbolicLink(at)) {
        return;
      }
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.delete(file);
    for (Path folder = file.getParent(); !folder.equals(root); folder = folder.getParent()) {
      try (Stream<Path> entries = Files.list(folder)) {
        if (entries.findAny().isPresent()) {
          return;
        }
      }
      Files.delete(folder);
    }
  }
}
