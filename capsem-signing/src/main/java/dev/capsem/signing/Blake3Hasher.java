package dev.capsem.signing;

import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.nio.file.Path;

/** The {@link Hasher} port on our own BLAKE3: streams in one thread, files in several. */
final class Blake3Hasher implements Hasher {

  private final ManyHasher many;
  private final ParallelFileHasher files;

  Blake3Hasher(ManyHasher many, ParallelFileHasher files) {
    this.many = many;
    this.files = files;
  }

  @Override
  public HashStream start() {
    return new Blake3Stream(many);
  }

  @Override
  public String hexOfFile(Path file) throws IOException {
    return files.hex(file);
  }
}
