package dev.capsem.core.internal.provenance;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes the in-toto Statement v1 with a SLSA Provenance v1 predicate. Deterministic: subjects
 * sorted by name, every map in the order given, compact JSON ({@link JsonPrinter#compact}), times
 * in RFC 3339 UTC. The same inputs always give the same bytes.
 */
public final class Statement {

  /** The in-toto Statement v1 type. */
  public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";

  /** SLSA Provenance v1. */
  public static final String PREDICATE_TYPE = "https://slsa.dev/provenance/v1";

  /**
   * Our build type: how to read {@code externalParameters} and {@code internalParameters} (a capsem
   * release: profile, architectures, build options).
   */
  public static final String BUILD_TYPE = "https://capsem.dev/slsa/image-release/v1";

  private Statement() {}

  /** The statement's bytes (UTF-8 JSON, no trailing newline): the DSSE payload. */
  public static byte[] bytes(ProvenanceInputs inputs) {
    return JsonPrinter.compact().print(node(inputs)).getBytes(StandardCharsets.UTF_8);
  }

  /** The statement as a JSON tree. */
  public static ObjectNode node(ProvenanceInputs in) {
    List<Subject> subjects = new ArrayList<>(in.subjects());
    subjects.sort(Comparator.comparing(Subject::name));
    List<Node> subjectNodes = new ArrayList<>();
    for (Subject subject : subjects) {
      subjectNodes.add(
          ObjectNode.builder()
              .put("name", subject.name())
              .put(
                  "digest",
                  ObjectNode.builder()
                      .put("sha256", subject.sha256())
                      .put("blake3", subject.blake3())
                      .build())
              .build());
    }
    BuildParameters parameters = in.parameters();
    ObjectNode external =
        ObjectNode.builder()
            .put(
                "profile",
                ObjectNode.builder()
                    .put("path", parameters.profilePath())
                    .put(
                        "digest",
                        ObjectNode.builder().put("sha256", parameters.profileSha256()).build())
                    .build())
            .put("arch", ArrayNode.ofStrings(parameters.arches()))
            .put("options", strings(parameters.options()))
            .build();
    List<Node> dependencies = new ArrayList<>();
    for (Dependency dependency : in.dependencies()) {
      ObjectNode.Builder descriptor = ObjectNode.builder().put("name", dependency.name());
      if (dependency.uri() != null) {
        descriptor.put("uri", dependency.uri());
      }
      if (!dependency.digest().isEmpty()) {
        descriptor.put("digest", strings(dependency.digest()));
      }
      if (!dependency.annotations().isEmpty()) {
        descriptor.put("annotations", strings(dependency.annotations()));
      }
      dependencies.add(descriptor.build());
    }
    ObjectNode buildDefinition =
        ObjectNode.builder()
            .put("buildType", BUILD_TYPE)
            .put("externalParameters", external)
            .put("internalParameters", strings(in.internalParameters()))
            .put("resolvedDependencies", ArrayNode.of(dependencies))
            .build();
    ObjectNode builder = ObjectNode.builder().put("id", in.builderId()).build();
    if (!in.builderVersion().isEmpty()) {
      builder = builder.with("version", strings(in.builderVersion()));
    }
    ObjectNode runDetails =
        ObjectNode.builder()
            .put("builder", builder)
            .put(
                "metadata",
                ObjectNode.builder()
                    .put("invocationId", in.invocationId())
                    .put("startedOn", time(in.startedOn()))
                    .put("finishedOn", time(in.finishedOn()))
                    .build())
            .build();
    return ObjectNode.builder()
        .put("_type", STATEMENT_TYPE)
        .put("subject", ArrayNode.of(subjectNodes))
        .put("predicateType", PREDICATE_TYPE)
        .put(
            "predicate",
            ObjectNode.builder()
                .put("buildDefinition", buildDefinition)
                .put("runDetails", runDetails)
                .build())
        .build();
  }

  /** RFC 3339 in UTC, as SLSA's Timestamp field wants it. */
  static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static ObjectNode strings(Map<String, String> values) {
    ObjectNode.Builder object = ObjectNode.builder();
    values.forEach((key, value) -> object.put(key, StringNode.of(value)));
    return object.build();
  }
}
