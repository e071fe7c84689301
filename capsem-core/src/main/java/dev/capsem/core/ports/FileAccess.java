package dev.capsem.core.ports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The documents a use case reads and writes: profiles, release profiles, catalogs, reports. Going
 * through one port lets an embedding tool serve inputs from elsewhere, and lets a test see that a
 * release reads each profile once. (Bulk data, assets and build contexts, stays on the JDK's file
 * API: it is streamed and hashed, not parsed.)
 */
public interface FileAccess {

  /** The whole file. */
  byte[] read(Path file) throws IOException;

  /** The whole file as UTF-8 text. */
  default String readText(Path file) throws IOException {
    return new String(read(file), StandardCharsets.UTF_8);
  }

  boolean isFile(Path path);

  boolean isDirectory(Path path);

  /**
   * Writes {@code content} so that a reader sees the old file or the whole new one, never a part: a
   * temporary file in the same folder, then a rename. The folder is created when missing; the file
   * gets the usual mode under the process's umask (0644 under 022), since published files are read
   * by upload jobs and web servers running as other users.
   */
  void write(Path file, byte[] content) throws IOException;

  default void writeText(Path file, String text) throws IOException {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The local file system through the JDK. */
  static FileAccess local() {
    return LocalFileAccess.INSTANCE;
  }
}
