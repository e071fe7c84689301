package dev.capsem.core.internal.image;

import dev.capsem.core.internal.io.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The file chores of a build: contexts, finished assets, checksums, cleanup. */
final class BuildFiles {

  private BuildFiles() {}

  static void writeString(Path file, String content) throws IOException {
    write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  /**
   * A workspace file in a build context, with the mode the workspace gives it ({@code rwxr-xr-x}
   * for guest scripts, else {@code rw-r--r--}) whatever the umask: the image copies the mode.
   */
  static void write(Path file, WorkspaceFile content) throws IOException {
    write(file, content.content());
    setMode(file, content.executable() ? "rwxr-xr-x" : "rw-r--r--");
  }

  /** Moves a finished file into place in one step where the file system allows, readable by all. */
  static void moveReadable(Path finished, Path target) throws IOException {
    try {
      Files.move(
          finished, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING);
    }
    ReadableFiles.readable(target);
  }

  /** A hard link where the file system allows it: kernel tarballs are large. */
  static void linkOrCopy(Path source, Path target) throws IOException {
    try {
      Files.createLink(target, source.toAbsolutePath());
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static void setMode(Path file, String mode) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the Dockerfile sets modes inside the image anyway.
    }
  }

  static boolean nonEmptyFile(Path file) {
    try {
      return Files.isRegularFile(file) && Files.size(file) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  static void deleteTree(Path dir) {
    FileTrees.deleteTree(dir);
  }
}
