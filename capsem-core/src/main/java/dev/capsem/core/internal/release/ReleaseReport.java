package dev.capsem.core.internal.release;

import dev.capsem.core.diag.Report;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.NullNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a release did ({@code capsem.release.v1}): the stages run, each step's result line, the
 * files it publishes with their labels, whether they are signed; when it failed, why and at which
 * checks.
 *
 * @param reused the build steps that kept the last build's files ({@code x86_64/kernel})
 * @param bootTest {@code passed}, {@code failed} or {@code skipped}, or null when no boot step ran
 *     (a dry run, a stage without it, a release stopped before it)
 * @param failure why the release stopped, or null when it did not
 */
public record ReleaseReport(
    String profileId,
    String revision,
    List<Stage> stages,
    List<String> results,
    List<ReleaseFile> files,
    List<String> reused,
    boolean signed,
    String bootTest,
    String failure,
    List<String> failures)
    implements Report {

  static final String SCHEMA = "capsem.release.v1";

  public ReleaseReport {
    stages = List.copyOf(stages);
    results = List.copyOf(results);
    files = List.copyOf(files);
    reused = List.copyOf(reused);
    failures = List.copyOf(failures);
  }

  @Override
  public String json() {
    List<Node> published = new ArrayList<>();
    for (ReleaseFile file : files) {
      published.add(
          ObjectNode.builder()
              .put("path", file.file().shown())
              .put("label", file.label() == null ? NullNode.of() : StringNode.of(file.label()))
              .put("type", file.type())
              .put("signature", BooleanNode.of(file.signature()))
              .build());
    }
    ObjectNode.Builder report =
        ObjectNode.builder()
            .put("schema", SCHEMA)
            .put("ok", BooleanNode.of(failure == null))
            .put("profile_id", profileId == null ? NullNode.of() : StringNode.of(profileId))
            .put("revision", revision == null ? NullNode.of() : StringNode.of(revision))
            .put(
                "stages",
                ArrayNode.ofStrings(
                    stages.stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toList()))
            .put("signed", BooleanNode.of(signed))
            .put("boot_test", bootTest == null ? NullNode.of() : StringNode.of(bootTest))
            .put("reused", ArrayNode.ofStrings(reused))
            .put("results", ArrayNode.ofStrings(results))
            .put("files", ArrayNode.of(published));
    if (failure != null) {
      report.put("failure", failure).put("failures", ArrayNode.ofStrings(failures));
    }
    return JsonPrinter.pretty().printLine(report.build());
  }

  @Override
  public String text() {
    List<String> lines = new ArrayList<>(results);
    if (failure != null) {
      lines.add("release failed: " + failure);
    } else {
      lines.add(conclusion());
    }
    return TextReport.lines(lines);
  }

  private String conclusion() {
    return "release "
        + profileId
        + "@"
        + revision
        + ": "
        + files.size()
        + (files.size() == 1 ? " file" : " files")
        + (files.isEmpty() ? "" : signed ? ", signed" : ", not signed");
  }

  @Override
  public List<String> summary() {
    return failure == null ? List.of(conclusion()) : List.of();
  }
}
