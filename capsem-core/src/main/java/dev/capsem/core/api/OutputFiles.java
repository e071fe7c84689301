package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.report.GeneratedReport;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.ports.FileAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes generated documents all or nothing: every target is checked before the first is written,
 * and each is written atomically; missing folders are made.
 */
final class OutputFiles {

  record Planned(GivenPath target, String content) {}

  private final FileAccess files;

  OutputFiles(FileAccess files) {
    this.files = files;
  }

  /** Prints {@code text}, or writes it to {@code out} (refusing to overwrite unless forced). */
  Outcome<TextReport> printOrWrite(String text, GivenPath out, boolean force) {
    if (out == null) {
      String document = text.endsWith("\n") ? text : text + "\n";
      return Outcome.of(new TextReport(GeneratedReport.printed(document), document));
    }
    return writeAll(
        List.of(new Planned(out, text)),
        force,
        List.of("created " + PythonPath.normalize(out.shown())));
  }

  Outcome<TextReport> writeAll(List<Planned> planned, boolean force, List<String> messages) {
    for (Planned file : planned) {
      String shown = PythonPath.normalize(file.target().shown());
      Path target = file.target().path();
      if (files.isDirectory(target)) {
        return refused("cannot write " + shown + ": it is a folder");
      }
      if (files.isFile(target) && !force) {
        return refused(shown + " already exists; pass --force to overwrite");
      }
    }
    List<String> written = new ArrayList<>();
    for (Planned file : planned) {
      String content = file.content().endsWith("\n") ? file.content() : file.content() + "\n";
      try {
        files.writeText(file.target().path(), content);
      } catch (IOException e) {
        return refused(
            "cannot write " + PythonPath.normalize(file.target().shown()) + ": " + e.getMessage());
      }
      written.add(PythonPath.normalize(file.target().shown()));
    }
    return Outcome.of(
        new TextReport(
            GeneratedReport.written(written, messages), TextReport.lines(messages), messages));
  }

  static Outcome<TextReport> refused(String error) {
    return Outcome.failed(error, List.<Diagnostic>of());
  }
}
