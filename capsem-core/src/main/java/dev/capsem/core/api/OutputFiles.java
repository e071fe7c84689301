package dev.capsem.core.api;

import dev.capsem.core.internal.io.AtomicFiles;
import dev.capsem.core.internal.report.PythonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes generated documents all or nothing: every target is checked before the first is written,
 * and each is written atomically.
 */
final class OutputFiles {

  record Planned(Path target, String shown, String content) {}

  private OutputFiles() {}

  /** Prints {@code text}, or writes it to {@code out} (refusing to overwrite unless forced). */
  static Generated printOrWrite(String text, Path out, String outAsGiven, boolean force) {
    if (out == null) {
      return Generated.printed(text);
    }
    return writeAll(
        List.of(new Planned(out, outAsGiven, text)),
        force,
        List.of("created " + PythonPath.normalize(outAsGiven)));
  }

  static Generated writeAll(List<Planned> files, boolean force, List<String> messages) {
    for (Planned file : files) {
      String shown = PythonPath.normalize(file.shown());
      Path parent = file.target().toAbsolutePath().getParent();
      if (parent == null || !Files.isDirectory(parent)) {
        return Generated.refused(
            "cannot write " + shown + ": the folder " + parent + " does not exist");
      }
      if (Files.exists(file.target()) && !force) {
        return Generated.refused(shown + " already exists; pass --force to overwrite");
      }
    }
    for (Planned file : files) {
      String content = file.content().endsWith("\n") ? file.content() : file.content() + "\n";
      try {
        AtomicFiles.writeString(file.target(), content);
      } catch (IOException e) {
        return Generated.refused(
            "cannot write " + PythonPath.normalize(file.shown()) + ": " + e.getMessage());
      }
    }
    return Generated.wrote(messages);
  }
}
