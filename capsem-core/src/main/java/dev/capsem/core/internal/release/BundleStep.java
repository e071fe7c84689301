package dev.capsem.core.internal.release;

import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.PythonPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The release folder ({@code publish/}, {@code release-folder.json}): every published file and
 * signature and the provenance under the names the provenance gives them, which the verify stage
 * checks and the deploy stage pushes as they are.
 */
final class BundleStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.PACKAGE;
  }

  @Override
  public void run(ReleaseRun run) {
    if (run.config.build().dryRun()) {
      return;
    }
    String shown = PythonPath.normalize(run.layout().publish().shown());
    Map<String, Path> files = ReleaseBundle.files(run.layout(), run.files);
    List<String> placed;
    try {
      placed = ReleaseBundle.assemble(run.layout().publish().path(), files);
    } catch (IOException e) {
      run.stop("cannot assemble the release folder " + shown + ": " + e.getMessage(), List.of());
      return;
    }
    String json =
        JsonPrinter.pretty()
            .printLine(
                ObjectNode.builder()
                    .put("schema", "capsem.release-folder.v1")
                    .put("ok", true)
                    .put("path", shown)
                    .put("files", ArrayNode.ofStrings(placed))
                    .build());
    List<String> summary = List.of("release folder: " + shown + " (" + placed.size() + " files)");
    run.conclude(
        "release-folder.json",
        Outcome.of(new TextReport(json, TextReport.lines(summary), summary)));
  }
}
