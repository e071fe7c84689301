package dev.capsem.maven;

import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BLAKE3 that hashes each unchanged file once per build: the pipeline's steps (the build's reuse
 * check, verify, signing, the epilogue) read the same large assets, and a rootfs takes a while. A
 * file counts as unchanged while its real path, size, modification time and file key are; any write
 * changes the time. Kept per project in the build's context, never across builds.
 */
final class MemoHasher implements Hasher {

  private static final String CONTEXT_KEY = MemoHasher.class.getName();

  private record Stamp(Path path, long size, long modifiedNanos, Object fileKey) {}

  private final Hasher hasher;
  private final Map<Stamp, String> known = new ConcurrentHashMap<>();

  MemoHasher(Hasher hasher) {
    this.hasher = Objects.requireNonNull(hasher, "hasher");
  }

  /** The project's memo, made on first use (a project's goals run one after another). */
  static Hasher of(org.apache.maven.project.MavenProject project, Hasher hasher) {
    if (project == null) {
      return new MemoHasher(hasher);
    }
    Object memo = project.getContextValue(CONTEXT_KEY);
    if (memo instanceof MemoHasher existing) {
      return existing;
    }
    MemoHasher created = new MemoHasher(hasher);
    project.setContextValue(CONTEXT_KEY, created);
    return created;
  }

  @Override
  public HashStream start() {
    return hasher.start();
  }

  @Override
  public String hexOfFile(Path file) throws IOException {
    Stamp before = stamp(file);
    String cached = known.get(before);
    if (cached != null) {
      return cached;
    }
    String hex = hasher.hexOfFile(file);
    if (before.equals(stamp(file))) {
      known.put(before, hex);
    }
    return hex;
  }

  private static Stamp stamp(Path file) throws IOException {
    Path real = file.toRealPath();
    BasicFileAttributes attributes =
        Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return new Stamp(
        real,
        attributes.size(),
        attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
        attributes.fileKey());
  }
}
