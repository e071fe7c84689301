package dev.capsem.core.internal.image;

import dev.capsem.core.ports.BuildProgress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole output of a build's container commands, kept in {@code <out>/build.log} (the console
 * shows only the last line of a long step), each command headed by its command line.
 */
final class BuildLog implements AutoCloseable {

  static final String FILE = "build.log";

  private final Path file;
  private final BuildProgress progress;
  private BufferedWriter writer;

  private BuildLog(Path file, BuildProgress progress) {
    this.file = file;
    this.progress = progress;
  }

  /**
   * A log in {@code outDir}, replacing the last build's when the first command runs (a build that
   * runs none, or stops before, leaves the folder as it was).
   */
  static BuildLog in(Path outDir, BuildProgress progress) {
    return new BuildLog(outDir.resolve(FILE), progress);
  }

  /** A dry run writes nothing. */
  static BuildLog none(BuildProgress progress) {
    return new BuildLog(null, progress);
  }

  void command(List<String> commandLine) {
    write("$ " + String.join(" ", commandLine));
  }

  /** One line a running command printed: to the log, and to the progress. */
  void line(String line) {
    write(line);
    progress.output(line);
  }

  private synchronized void write(String line) {
    if (file == null) {
      return;
    }
    try {
      if (writer == null) {
        Files.createDirectories(file.getParent());
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      }
      writer.write(line);
      writer.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the build log", e);
    }
  }

  @Override
  public synchronized void close() {
    if (writer == null) {
      return;
    }
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the build log", e);
    }
  }
}
