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
 * shows only the last line of a long step), each command headed by its command line. Steps that run
 * side by side write through {@link #tagged} views, whose lines name their step.
 */
final class BuildLog implements AutoCloseable {

  static final String FILE = "build.log";

  /** The file every view writes, opened at the first line. */
  private static final class Sink {
    private final Path file;
    private BufferedWriter writer;

    Sink(Path file) {
      this.file = file;
    }

    synchronized void write(String line) {
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

    synchronized void close() {
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

  private final Sink sink;
  private final BuildProgress progress;

  /** The step whose lines this view writes, or null for the whole build's. */
  private final String step;

  private BuildLog(Sink sink, BuildProgress progress, String step) {
    this.sink = sink;
    this.progress = progress;
    this.step = step;
  }

  /**
   * A log in {@code outDir}, replacing the last build's when the first command runs (a build that
   * runs none, or stops before, leaves the folder as it was).
   */
  static BuildLog in(Path outDir, BuildProgress progress) {
    return new BuildLog(new Sink(outDir.resolve(FILE)), progress, null);
  }

  /** A dry run writes nothing. */
  static BuildLog none(BuildProgress progress) {
    return new BuildLog(new Sink(null), progress, null);
  }

  /** The same log for {@code step}, which runs beside another: its lines start with its name. */
  BuildLog tagged(String step) {
    return new BuildLog(sink, progress, step);
  }

  void command(List<String> commandLine) {
    write("$ " + String.join(" ", commandLine));
  }

  /** One line a running command printed: to the log, and to the progress. */
  void line(String line) {
    write(line);
    if (step == null) {
      progress.output(line);
    } else {
      progress.output(step, line);
    }
  }

  private void write(String line) {
    sink.write(step == null ? line : "[" + step + "] " + line);
  }

  /** Closes the file; a tagged view leaves it to the log it came from. */
  @Override
  public void close() {
    if (step == null) {
      sink.close();
    }
  }
}
