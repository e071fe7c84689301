package dev.capsem.core.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files through a temporary file in the same folder and a rename, so a reader sees the old
 * file or the whole new one, never a partial one.
 *
 * <p>The temporary file is created as any new file is, so the result has the mode the user's umask
 * gives ({@code rw-r--r--} under the usual 022): these are published files (manifests, catalogs,
 * checksums, reports) that a web server or an upload job running as another user must read. {@link
 * Files#createTempFile} would make every one of them owner-only.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  public static void writeString(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temp = createSibling(absolute);
    try {
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
        out.write(content);
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** A new empty file next to {@code target}, named {@code .<name>.<random>.tmp}, umask's mode. */
  private static Path createSibling(Path target) throws IOException {
    Path folder = target.getParent();
    for (int attempt = 0; ; attempt++) {
      Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 9) {
          throw e;
        }
      }
    }
  }
}
