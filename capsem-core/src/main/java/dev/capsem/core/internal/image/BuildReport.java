package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.internal.report.PythonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code capsem.image-build.v1}: what an image build planned, ran, kept and placed. */
final class BuildReport {

  static final String SCHEMA = "capsem.image-build.v1";

  private BuildReport() {}

  static ObjectNode of(
      BuildSettings settings,
      ImagePlan plan,
      ObjectNode workspaceReport,
      List<Diagnostic> sorted,
      BuildOutcome outcome,
      Map<String, String> origins) {
    String out = PythonPath.normalize(settings.outDir().shown());
    ObjectNode.Builder report =
        ObjectNode.builder()
            .put("schema", SCHEMA)
            .put("ok", BooleanNode.of(true))
            .put("dry_run", BooleanNode.of(settings.dryRun()))
            .put("profile_id", plan.profile().id())
            .put("profile_revision", plan.profile().revision())
            .put("output_dir", out)
            .put("workspace", workspaceReport)
            .put("template", settings.template().id())
            .put("diagnostics", DiagnosticJson.array(sorted));
    if (settings.dryRun()) {
      List<Node> commands = new ArrayList<>();
      for (BuildOutcome.PlannedCommand command : outcome.commands()) {
        commands.add(
            ObjectNode.builder()
                .put("arch", command.arch() == null ? "all" : command.arch())
                .put("step", command.step())
                .put("argv", ArrayNode.ofStrings(command.commandLine()))
                .build());
      }
      report.put("commands", ArrayNode.of(commands));
    }
    report.put("inputs", origins(origins));
    if (outcome.kernel() != null) {
      report.put(
          "kernel",
          ObjectNode.builder()
              .put("version", outcome.kernel().version())
              .put("source", outcome.kernel().source())
              .put("sha256", outcome.kernel().sha256())
              .build());
    }
    if (!settings.dryRun()) {
      report.put("steps", steps(outcome)).put("assets", assets(outcome));
      if (outcome.release() != null) {
        report.put(
            "release",
            ObjectNode.builder()
                .put("asset_version", outcome.release().assetVersion())
                .put("binary_version", outcome.release().binaryVersion())
                .put("b3sums", out + "/B3SUMS")
                .put("manifest", out + "/manifest.json")
                .build());
      }
    }
    return report.build();
  }

  /** Where each input came from: the kit, the operator's path, the default it took. */
  static ObjectNode origins(Map<String, String> origins) {
    ObjectNode.Builder inputs = ObjectNode.builder();
    origins.forEach(inputs::put);
    return inputs.build();
  }

  private static ArrayNode steps(BuildOutcome outcome) {
    List<Node> steps = new ArrayList<>();
    for (BuildOutcome.StepDone step : outcome.steps()) {
      ObjectNode.Builder item =
          ObjectNode.builder()
              .put("arch", step.arch())
              .put("step", step.step())
              .put("status", step.reused() ? "reused" : "built");
      if (step.inputsHash() != null) {
        item.put("inputs", "blake3:" + step.inputsHash());
      }
      steps.add(item.build());
    }
    return ArrayNode.of(steps);
  }

  private static ArrayNode assets(BuildOutcome outcome) {
    List<Node> assets = new ArrayList<>();
    for (BuildOutcome.BuiltAsset asset : outcome.assets()) {
      assets.add(
          ObjectNode.builder()
              .put("arch", asset.arch())
              .put("name", asset.name())
              .put("path", asset.path())
              .put("size", asset.size())
              .put("hash", "blake3:" + asset.hash())
              .build());
    }
    return ArrayNode.of(assets);
  }

  /** The human lines: the profile, what was built (or planned, or kept), where. */
  static List<String> lines(
      BuildSettings settings, ImagePlan plan, BuildOutcome outcome, Map<String, String> origins) {
    boolean dryRun = settings.dryRun();
    List<String> lines = new ArrayList<>();
    lines.addAll(
        List.of(
            "profile: " + plan.profile().reference(),
            (dryRun ? "planned: " : outcome.noContainerWork() ? "unchanged: " : "built: ")
                + String.join(", ", plan.arches())
                + " "
                + settings.template().id()
                + (outcome.noContainerWork() ? " (no container work)" : ""),
            "assets: " + PythonPath.normalize(settings.outDir().shown())));
    origins.forEach((name, origin) -> lines.add("input " + name + ": " + origin));
    return lines;
  }
}
