package dev.capsem.core.internal.detection;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.internal.schema.Issue;
import dev.capsem.core.internal.schema.Validated;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a detection pack envelope as upstream does, by suffix (any case): {@code .json} is JSON,
 * {@code .toml} or no suffix is TOML, {@code .yaml}/{@code .yml} is YAML whose top level must be a
 * mapping; anything else is refused. Read and format problems are reported at upstream's path
 * {@code settings} (E002). The embedded Sigma is not parsed here.
 */
public final class DetectionPackReader {

  /**
   * How a failure to read or parse a pack is labelled (ours); upstream's {@code settings} stays for
   * the two refusals its reports pin (the suffix, a YAML document that is not a mapping).
   */
  static final String KIND = "detection_pack";

  private DetectionPackReader() {}

  /** Reads and validates {@code file}; {@code shownAs} is how diagnostics name it. */
  public static DetectionRead read(Path file, String shownAs) {
    String suffix = suffix(file.getFileName() == null ? "" : file.getFileName().toString());
    boolean yaml = suffix.equals(".yaml") || suffix.equals(".yml");
    if (!yaml && !suffix.equals(".json") && !suffix.equals(".toml") && !suffix.isEmpty()) {
      return refused(shownAs, null, "detection pack must be JSON, TOML, YAML, or YML");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return new DetectionRead(null, InputDocument.read(file, shownAs, KIND).problems());
    }
    return read(bytes, suffix, shownAs, file.toAbsolutePath().getParent());
  }

  /**
   * Reads and validates a pack's bytes; {@code suffix} ({@code .yml}, {@code .json}, ...) says how,
   * and {@code baseDir} is where its local Sigma files are.
   */
  public static DetectionRead read(byte[] bytes, String suffix, String shownAs, Path baseDir) {
    boolean yaml = suffix.equals(".yaml") || suffix.equals(".yml");
    if (!yaml) {
      InputDocument input = InputDocument.parse(bytes, shownAs, suffix.equals(".json"), KIND);
      if (!input.parsed()) {
        return new DetectionRead(null, input.problems());
      }
      return validate(input.tree(), text(bytes), shownAs, baseDir);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return new DetectionRead(null, InputDocument.parse(bytes, shownAs, true, KIND).problems());
    }
    Node tree;
    try {
      tree = YamlTree.single(text);
    } catch (YamlProblem e) {
      return new DetectionRead(
          null, List.of(new Diagnostic(Code.E002, shownAs, KIND, e.position(), e.getMessage())));
    }
    if (!(tree instanceof ObjectNode)) {
      return refused(
          shownAs,
          tree == null ? new Position(1, 1) : tree.position(),
          "detection pack YAML must contain a mapping object");
    }
    return validate(tree, text, shownAs, baseDir);
  }

  /** Python's {@code Path.suffix}, lower-cased: {@code .yml}, or empty. */
  static String suffix(String name) {
    int dot = name.lastIndexOf('.');
    if (dot <= 0 || dot == name.length() - 1) {
      return "";
    }
    return name.substring(dot).toLowerCase(Locale.ROOT);
  }

  private static DetectionRead validate(Node tree, String text, String shown, Path baseDir) {
    Validated validated = DetectionPackSchema.PACK.validate(tree);
    if (!validated.ok()) {
      List<Diagnostic> diagnostics = new ArrayList<>();
      for (Issue issue : validated.issues()) {
        diagnostics.add(issue.in(shown));
      }
      return new DetectionRead(null, diagnostics);
    }
    ObjectNode pack = (ObjectNode) validated.value();
    List<DetectionSource> sources = new ArrayList<>();
    for (Node item : ((ArrayNode) pack.get("sources")).items()) {
      ObjectNode source = (ObjectNode) item;
      Node content = source.get("content");
      sources.add(
          new DetectionSource(
              source.string("id"),
              source.string("type"),
              source.string("format"),
              source.string("content"),
              source.string("path"),
              source.string("url"),
              source.position(),
              SigmaOrigin.embedded(shown, text, content == null ? null : content.position())));
    }
    Map<String, Map<String, String>> mapping = new LinkedHashMap<>();
    for (ObjectNode.Member family : pack.object("field_mapping").entries()) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (ObjectNode.Member field : ((ObjectNode) family.value()).entries()) {
        fields.put(field.key(), ((StringNode) field.value()).value());
      }
      mapping.put(family.key(), java.util.Collections.unmodifiableMap(fields));
    }
    ObjectNode findings = pack.object("findings");
    List<String> tags = new ArrayList<>();
    for (Node tag : ((ArrayNode) findings.get("tags")).items()) {
      tags.add(((StringNode) tag).value());
    }
    return new DetectionRead(
        new DetectionPack(
            pack.string("id"),
            pack.string("version"),
            pack.string("status"),
            pack.string("owner"),
            pack.string("description"),
            sources,
            mapping,
            new FindingDefaults(
                findings.string("default_severity"), findings.string("default_confidence"), tags),
            baseDir,
            shown),
        List.of());
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static DetectionRead refused(String shown, Position position, String message) {
    return new DetectionRead(
        null,
        List.of(
            new Diagnostic(
                Code.E002, shown, InputDocument.NON_VALIDATION_PATH, position, message)));
  }
}
