package dev.capsem.core.internal.image.rootfs;

import dev.capsem.core.internal.squashfs.DirectoryEntry;
import dev.capsem.core.internal.squashfs.Inode;
import dev.capsem.core.internal.squashfs.SquashfsImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Paths inside a rootfs image as the guest sees them: absolute or relative to the root, symbolic
 * links followed (at most 40, as Linux does) and never above the root. Paths here are UTF-8
 * strings; the image's names are byte strings.
 */
final class RootfsFiles {

  private static final int MAX_LINKS = 40;

  private final SquashfsImage image;

  RootfsFiles(SquashfsImage image) {
    this.image = image;
  }

  SquashfsImage image() {
    return image;
  }

  /** The inode {@code path} leads to, links followed; empty when there is none. */
  Optional<Inode> resolve(String path) throws IOException {
    Deque<String> pending = new ArrayDeque<>(parts(path));
    List<String> at = new ArrayList<>();
    Inode current = image.root();
    int links = 0;
    while (!pending.isEmpty()) {
      String part = pending.removeFirst();
      if (part.equals("..")) {
        if (!at.isEmpty()) {
          at.remove(at.size() - 1);
        }
        current = lookup(at).orElse(null);
        if (current == null) {
          return Optional.empty();
        }
        continue;
      }
      if (!(current instanceof Inode.Directory)) {
        return Optional.empty();
      }
      List<String> next = new ArrayList<>(at);
      next.add(part);
      Optional<Inode> found = lookup(next);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      if (found.get() instanceof Inode.Symlink link) {
        if (++links > MAX_LINKS) {
          return Optional.empty();
        }
        String target = utf8(link.target());
        List<String> rest = new ArrayList<>(parts(target));
        rest.addAll(pending);
        pending = new ArrayDeque<>(rest);
        if (target.startsWith("/")) {
          at.clear();
          current = image.root();
        }
        continue;
      }
      at = next;
      current = found.get();
    }
    return Optional.of(current);
  }

  private Optional<Inode> lookup(List<String> parts) throws IOException {
    return image.lookup(bytes(String.join("/", parts)));
  }

  /** The bytes of the regular file at {@code path}, when it is one of at most {@code limit}. */
  Optional<byte[]> read(String path, long limit) throws IOException {
    Optional<Inode> inode = resolve(path);
    if (inode.isEmpty() || !(inode.get() instanceof Inode.File file) || file.size() > limit) {
      return Optional.empty();
    }
    try (InputStream in = image.open(file)) {
      return Optional.of(in.readAllBytes());
    }
  }

  /** The regular file at {@code path}, links followed. */
  Optional<Inode.File> file(String path) throws IOException {
    return resolve(path).filter(Inode.File.class::isInstance).map(Inode.File.class::cast);
  }

  /** The names in the directory at {@code path} (links followed), or none. */
  List<String> list(String path) throws IOException {
    Optional<Inode> inode = resolve(path);
    if (inode.isEmpty() || !(inode.get() instanceof Inode.Directory directory)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (DirectoryEntry entry : image.entries(directory)) {
      names.add(utf8(entry.name()));
    }
    return names;
  }

  boolean isDirectory(String path) throws IOException {
    return resolve(path).filter(Inode.Directory.class::isInstance).isPresent();
  }

  InputStream open(Inode.File file) throws IOException {
    return image.open(file);
  }

  private static List<String> parts(String path) {
    List<String> out = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty() && !part.equals(".")) {
        out.add(part);
      }
    }
    return out;
  }

  static String utf8(String byteString) {
    return new String(byteString.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  static String bytes(String utf8) {
    return new String(utf8.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
