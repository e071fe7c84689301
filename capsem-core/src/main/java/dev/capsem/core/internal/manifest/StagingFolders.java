package dev.capsem.core.internal.manifest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The staging folders {@code manifest check --download} works in ({@code .capsem-staging-*} in the
 * download folder). A run holds a lock on its folder's {@code .lock} file for as long as it lives;
 * the operating system drops the lock when the process ends, killed or not. So a later run can tell
 * a folder left by a killed run (no one holds its lock) from one a concurrent run is using, and
 * removes only the former; and only folders of ours: named so, real folders (not links), with a
 * lock file, or, for folders of earlier versions without one, untouched for an hour.
 */
final class StagingFolders {

  static final String PREFIX = ".capsem-staging-";
  static final String LOCK = ".lock";

  /** Folders of earlier versions have no lock: one untouched this long belongs to no live run. */
  static final Duration UNLOCKED_AGE = Duration.ofHours(1);

  private StagingFolders() {}

  /** A new staging folder in {@code downloadDir}, locked until {@link Staging#close}. */
  static Staging create(Path downloadDir) throws IOException {
    Path dir = Files.createTempDirectory(downloadDir, PREFIX);
    FileChannel channel =
        FileChannel.open(
            dir.resolve(LOCK),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.READ);
    FileLock lock;
    try {
      lock = channel.lock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new Staging(dir, channel, lock);
  }

  /**
   * Removes the staging folders in {@code downloadDir} that no running check holds. {@code now} is
   * the file system's idea of the present (the new staging folder's time), so no clock is needed.
   *
   * @return how many were removed
   */
  static int removeStale(Path downloadDir, FileTime now) throws IOException {
    int removed = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(downloadDir, PREFIX + "*")) {
      for (Path dir : entries) {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && isStale(dir, now)) {
          deleteTree(dir);
          removed++;
        }
      }
    }
    return removed;
  }

  private static boolean isStale(Path dir, FileTime now) throws IOException {
    Path lockFile = dir.resolve(LOCK);
    if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
      FileTime modified = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS);
      return modified.toMillis() + UNLOCKED_AGE.toMillis() < now.toMillis();
    }
    try (FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false; // another process is using it
      }
      lock.release();
      return true;
    } catch (OverlappingFileLockException e) {
      return false; // this JVM is using it
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** A staging folder held by this run. */
  static final class Staging implements AutoCloseable {
    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private Staging(Path dir, FileChannel channel, FileLock lock) {
      this.dir = dir;
      this.channel = channel;
      this.lock = lock;
    }

    Path dir() {
      return dir;
    }

    /** Unlocks and removes the folder with whatever is left in it. */
    @Override
    public void close() throws IOException {
      try {
        lock.release();
      } finally {
        channel.close();
        deleteTree(dir);
      }
    }
  }
}
