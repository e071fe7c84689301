package dev.capsem.core.internal.image;

import dev.capsem.core.internal.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a derived workspace: refuses a non-empty folder unless forced (then overwrites in place
 * and keeps unrelated files, as upstream), and writes each file atomically.
 */
public final class WorkspaceWriter {

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

  /** Writes every file under {@code dir} (created with its parents). */
  public static void write(Path dir, List<WorkspaceFile> files) throws IOException {
    Files.createDirectories(dir);
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
  }
}
