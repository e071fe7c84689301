package dev.capsem.core.ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@link FileAccess} on the JDK's default file system. */
final class LocalFileAccess implements FileAccess {

  static final LocalFileAccess INSTANCE = new LocalFileAccess();

  private LocalFileAccess() {}

  @Override
  public byte[] read(Path file) throws IOException {
    return Files.readAllBytes(file);
  }

  @Override
  public boolean isFile(Path path) {
    return Files.isRegularFile(path);
  }

  @Override
  public boolean isDirectory(Path path) {
    return Files.isDirectory(path);
  }

  @Override
  public void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.write(file, content);
  }
}
