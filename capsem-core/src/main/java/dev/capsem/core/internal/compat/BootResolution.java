package dev.capsem.core.internal.compat;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.manifest.AssetFile;
import dev.capsem.core.internal.manifest.AssetManifestCheck;
import dev.capsem.core.internal.manifest.AssetManifestReader;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.internal.report.PythonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code manifest resolve}: the asset release a binary boots from a manifest, or why none. */
public final class BootResolution {

  private BootResolution() {}

  /** Which asset release a binary boots, or why none (the D8 gates). */
  public static Outcome<TextReport> resolve(GivenPath manifest, String binaryVersion, String arch) {
    String shown = PythonPath.normalize(manifest.shown());
    ObjectNode.Builder report =
        ObjectNode.builder()
            .put("schema", "capsem.manifest-resolve.v1")
            .put("ok", false)
            .put("manifest_path", shown)
            .put("binary_version", binaryVersion);
    if (arch != null) {
      report.put("arch", arch);
    }
    AssetManifestCheck read = AssetManifestReader.read(manifest.path(), shown);
    if (!read.ok()) {
      report.put("diagnostics", DiagnosticJson.array(read.diagnostics()));
      return Outcome.checked(
          new TextReport(JsonPrinter.pretty().printLine(report.build()), ""),
          false,
          read.diagnostics(),
          "the asset manifest " + shown + " is invalid");
    }
    BootDecision decision =
        AssetGate.resolve(read.manifest(), new BootRequest(binaryVersion, arch));
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    if (decision instanceof BootDecision.Boot boot) {
      report.put("ok", true).put("asset_version", boot.assetVersion());
      lines.add("binary " + binaryVersion + " boots asset release " + boot.assetVersion());
      ObjectNode.Builder arches = ObjectNode.builder();
      for (Map.Entry<String, Map<String, AssetFile>> each : boot.arches().entrySet()) {
        ObjectNode.Builder filesOf = ObjectNode.builder();
        each.getValue()
            .forEach(
                (name, file) -> {
                  filesOf.put(
                      name,
                      ObjectNode.builder()
                          .put("hash", file.hash())
                          .put("size", file.size())
                          .build());
                  lines.add(
                      "  " + each.getKey() + "/" + name + "  " + file.hash() + "  " + file.size());
                });
        arches.put(each.getKey(), filesOf.build());
      }
      report.put("arches", arches.build());
      boot.warnings().forEach(w -> diagnostics.add(w.inFile(shown)));
    } else if (decision instanceof BootDecision.Refused refused) {
      diagnostics.add(
          Diagnostic.of(refused.refusal().code(), shown, "", null, refused.refusal().message()));
    }
    report.put("diagnostics", DiagnosticJson.array(diagnostics));
    return Outcome.checked(
        new TextReport(
            JsonPrinter.pretty().printLine(report.build()), TextReport.lines(lines), lines),
        decision.ok(),
        diagnostics,
        "binary " + binaryVersion + " boots no asset release of " + shown);
  }
}
