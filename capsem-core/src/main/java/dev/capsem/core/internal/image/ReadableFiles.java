package dev.capsem.core.internal.image;

import dev.capsem.core.ports.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Build outputs are published files (served, signed, copied to other machines): written atomically,
 * then made readable by everyone, since the atomic writer's temporary file is private.
 */
final class ReadableFiles {

  private ReadableFiles() {}

  static void writeString(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  static void write(Path target, byte[] content) throws IOException {
    AtomicFiles.write(target, content);
    readable(target);
  }

  static void readable(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: its defaults apply.
    }
  }
}
