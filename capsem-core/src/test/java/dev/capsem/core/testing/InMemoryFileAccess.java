package dev.capsem.core.testing;

import dev.capsem.core.ports.FileAccess;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file system in a map of path to bytes, for use-case tests: it counts how often each file is
 * read ({@link #reads}), so that a test can show a release reads each profile once. Paths are taken
 * absolute and normalised; nothing touches the disk.
 */
public final class InMemoryFileAccess implements FileAccess {

  private final Map<Path, byte[]> files = new ConcurrentHashMap<>();
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  private final Map<Path, AtomicInteger> reads = new ConcurrentHashMap<>();

  private static Path key(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /** Makes {@code folder} and its parents exist, as they would on disk before the test. */
  public InMemoryFileAccess createFolder(Path folder) throws IOException {
    Path at = key(folder);
    for (Path p = at; p != null; p = p.getParent()) {
      if (files.containsKey(p)) {
        throw new FileSystemException(p.toString(), null, "Not a directory");
      }
    }
    for (Path p = at; p != null; p = p.getParent()) {
      folders.add(p);
    }
    return this;
  }

  /** How many times {@code file} has been read through this instance. */
  public int reads(Path file) {
    AtomicInteger count = reads.get(key(file));
    return count == null ? 0 : count.get();
  }

  /** Every file and folder strictly below {@code folder}. */
  public Set<Path> everythingUnder(Path folder) {
    Path at = key(folder);
    Set<Path> found = new TreeSet<>();
    files.keySet().stream().filter(p -> p.startsWith(at) && !p.equals(at)).forEach(found::add);
    folders.stream().filter(p -> p.startsWith(at) && !p.equals(at)).forEach(found::add);
    return found;
  }

  @Override
  public byte[] read(Path file) throws IOException {
    Path at = key(file);
    reads.computeIfAbsent(at, p -> new AtomicInteger()).incrementAndGet();
    byte[] content = files.get(at);
    if (content != null) {
      return content.clone();
    }
    if (folders.contains(at)) {
      throw new FileSystemException(file.toString(), null, "Is a directory");
    }
    throw new NoSuchFileException(file.toString());
  }

  @Override
  public boolean isFile(Path path) {
    return files.containsKey(key(path));
  }

  @Override
  public boolean isDirectory(Path path) {
    return folders.contains(key(path));
  }

  @Override
  public void write(Path file, byte[] content) throws IOException {
    Path at = key(file);
    if (folders.contains(at)) {
      throw new FileSystemException(file.toString(), null, "Is a directory");
    }
    createFolder(at.getParent());
    // One map put: a reader sees the old array or the new one, never part of either.
    files.put(at, content.clone());
  }
}
