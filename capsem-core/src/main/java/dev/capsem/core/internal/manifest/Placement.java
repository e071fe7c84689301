package dev.capsem.core.internal.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Moves the verified files of one revision from the staging folder into the download folder, all or
 * none (decision D20): every target is checked first (no symbolic link on the way, E574, so that a
 * linked sub-folder cannot send verified files outside the download folder; no name a file system
 * refuses), then the files are moved one by one; a move that fails undoes the ones before it, puts
 * back any file they replaced and removes the folders made for them.
 */
final class Placement {

  /** Most file systems' limit on one name, in bytes. */
  static final int MAX_NAME_BYTES = 255;

  private Placement() {}

  /**
   * Places {@code moves} ({@code {staged, target}} pairs) under {@code downloadDir}.
   *
   * @param staging where replaced files wait until the whole revision is placed
   * @return null when every file was placed, else why none was
   */
  static String placeAll(Path downloadDir, List<Path[]> moves, Path staging) throws IOException {
    for (Path[] move : moves) {
      String refused = refusal(downloadDir, move[1]);
      if (refused != null) {
        return refused;
      }
    }
    Deque<Path> madeFolders = new ArrayDeque<>();
    List<Path[]> placed = new ArrayList<>();
    List<Path[]> replaced = new ArrayList<>();
    try {
      for (Path[] move : moves) {
        makeFolders(downloadDir, move[1].getParent(), madeFolders);
        if (Files.exists(move[1], LinkOption.NOFOLLOW_LINKS)) {
          Path kept = staging.resolve("replaced-" + replaced.size());
          Files.move(move[1], kept);
          replaced.add(new Path[] {kept, move[1]});
        }
        Files.move(move[0], move[1]);
        placed.add(move);
      }
      for (Path[] old : replaced) {
        Files.deleteIfExists(old[0]);
      }
      return null;
    } catch (IOException e) {
      undo(placed, replaced, madeFolders);
      return "cannot place the verified files of this revision in the download folder ("
          + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + "); none of them was kept";
    }
  }

  /** Why {@code target} may not be written, or null. */
  private static String refusal(Path downloadDir, Path target) {
    Path relative = downloadDir.relativize(target);
    Path at = downloadDir;
    for (Path part : relative) {
      if (part.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
          > MAX_NAME_BYTES) {
        return "the name " + part + " is longer than " + MAX_NAME_BYTES + " bytes; none kept";
      }
      at = at.resolve(part);
      if (Files.isSymbolicLink(at)) {
        return "E574 "
            + downloadDir.relativize(at)
            + " in the download folder is a symbolic link; refusing to place verified files"
            + " through it (none kept)";
      }
    }
    return null;
  }

  private static void makeFolders(Path downloadDir, Path folder, Deque<Path> made)
      throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path at = folder;
        at != null && at.startsWith(downloadDir) && !Files.exists(at, LinkOption.NOFOLLOW_LINKS);
        at = at.getParent()) {
      missing.add(0, at);
    }
    for (Path dir : missing) {
      Files.createDirectory(dir);
      made.push(dir);
    }
  }

  private static void undo(List<Path[]> placed, List<Path[]> replaced, Deque<Path> madeFolders) {
    for (Path[] move : placed) {
      try {
        Files.move(move[1], move[0]);
      } catch (IOException e) {
        deleteQuietly(move[1]);
      }
    }
    for (Path[] old : replaced) {
      try {
        Files.move(old[0], old[1]);
      } catch (IOException e) {
        // The previous file stays in the staging folder, which is removed: it was not ours to keep.
      }
    }
    while (!madeFolders.isEmpty()) {
      deleteQuietly(madeFolders.pop());
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A folder that is not empty (another revision's) stays.
    }
  }
}
