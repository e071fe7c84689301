package dev.capsem.signing;

import dev.capsem.core.ports.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Replaces a key pair with a new one so that a secret key is on disk at every moment: the old files
 * are first linked to backup names beside them ({@code .minisign.key.previous-<id>}), then the new
 * secret and public keys are renamed over the old ones, then the backups go. A failed rename puts
 * the old secret key back; a process killed between the two renames leaves the backups, from which
 * the old pair can be restored by hand. The new pair is complete before anything moves (scrypt,
 * which needs a gigabyte, runs before).
 */
final class KeyRotation {

  private KeyRotation() {}

  static void replace(AtomicFiles.Staged secret, AtomicFiles.Staged pub) throws IOException {
    Path oldSecret = backup(secret.target());
    Path oldPublic = backup(pub.target());
    try {
      secret.commit(true);
      try {
        pub.commit(true);
      } catch (IOException e) {
        restore(oldSecret, secret.target());
        throw e;
      }
    } finally {
      // Reached unless the process dies: then the backups stay for a person to restore from.
      deleteQuietly(oldSecret);
      deleteQuietly(oldPublic);
    }
  }

  /** A second name for {@code file}'s current content (a hard link, else a copy), or null. */
  private static Path backup(Path file) throws IOException {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Path backup = file.resolveSibling("." + file.getFileName() + ".previous-" + UUID.randomUUID());
    try {
      Files.createLink(backup, file);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    }
    return backup;
  }

  private static void restore(Path backup, Path target) throws IOException {
    if (backup == null) {
      Files.deleteIfExists(target);
    } else {
      Files.move(backup, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover backup holds the old key, no worse than before; the rotation itself succeeded.
    }
  }
}
