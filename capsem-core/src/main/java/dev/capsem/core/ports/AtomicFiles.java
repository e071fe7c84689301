package dev.capsem.core.ports;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Writes files so that a reader sees the old content or the whole new content, never a partial one:
 * the bytes go to a temporary file in the target's folder (same file system, so the final rename is
 * atomic), are flushed to disk, and only then moved into place. The one way every part of the
 * product writes a file: {@link FileAccess#local()}, the domain's workspace and records, and the
 * signing adapter's keys and signatures.
 */
public final class AtomicFiles {

  /** Who may read a file written here. */
  public enum Access {
    /** rw------- whatever the umask: secret keys. */
    OWNER_ONLY,
    /**
     * The mode any new file gets under the user's umask (rw-r--r-- under the usual 022): public
     * keys, signatures, manifests, catalogs, reports, which upload jobs and web servers running as
     * other users read ({@link Files#createTempFile} would make every one owner-only).
     */
    PUBLISHED
  }

  private static final Set<PosixFilePermission> OWNER_READ_WRITE =
      PosixFilePermissions.fromString("rw-------");

  private AtomicFiles() {}

  /**
   * Writes a published file (see {@link Access#PUBLISHED}) atomically, replacing it if it exists.
   */
  public static void write(Path target, byte[] content) throws IOException {
    replace(target, content, Access.PUBLISHED);
  }

  /** {@link #write} of UTF-8 text. */
  public static void writeString(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code target} atomically, replacing it if it exists. */
  public static void replace(Path target, byte[] content, Access access) throws IOException {
    try (Staged staged = stage(target, content, access)) {
      staged.commit(true);
    }
  }

  /** Writes the content next to {@code target}, ready to be moved into place by {@link Staged}. */
  public static Staged stage(Path target, byte[] content, Access access) throws IOException {
    Path absolute = target.toAbsolutePath();
    // createTempFile makes the file owner-only on POSIX: a secret is never readable by others,
    // not even for a moment. A published file is created as any new file is, under the umask.
    Path temp =
        access == Access.OWNER_ONLY
            ? Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp")
            : Files.createFile(
                absolute.resolveSibling(
                    "." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp"));
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (access == Access.OWNER_ONLY
          && Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(temp, OWNER_READ_WRITE);
      }
      return new Staged(temp, absolute);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** A complete temporary file waiting to become {@code target}; deleted on close if not moved. */
  public static final class Staged implements AutoCloseable {
    private final Path temp;
    private final Path target;
    private boolean committed;

    private Staged(Path temp, Path target) {
      this.temp = temp;
      this.target = target;
    }

    public Path target() {
      return target;
    }

    /**
     * Moves the file into place.
     *
     * @param replaceExisting whether an existing target is replaced; when false an existing target
     *     makes this throw {@link FileAlreadyExistsException}
     */
    public void commit(boolean replaceExisting) throws IOException {
      if (replaceExisting) {
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } else {
        Files.move(temp, target);
      }
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (!committed) {
        Files.deleteIfExists(temp);
      }
    }
  }
}
