package dev.capsem.core.internal.detection;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.NullNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * pySigma's parse of one Sigma rule: every check its parser makes, in its order (E213), before the
 * subset Detection IR can express is checked ({@link SigmaSubset}).
 */
final class SigmaParser {

  private static final Set<String> LEVELS =
      Set.of("informational", "low", "medium", "high", "critical");
  private static final Set<String> STATUSES =
      Set.of("stable", "test", "experimental", "deprecated", "unsupported");
  private static final Set<String> MODIFIERS =
      Set.of(
          "contains",
          "startswith",
          "endswith",
          "exists",
          "base64",
          "base64offset",
          "wide",
          "utf16le",
          "utf16be",
          "utf16",
          "windash",
          "re",
          "i",
          "ignorecase",
          "m",
          "multiline",
          "s",
          "dotall",
          "cidr",
          "all",
          "lt",
          "lte",
          "gt",
          "gte",
          "fieldref",
          "expand",
          "cased",
          "neq",
          "minute",
          "hour",
          "day",
          "week",
          "month",
          "year");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}");

  private final SigmaPlace place;
  private final Set<Node> timestamps;

  /**
   * @param timestamps the YAML scalars PyYAML would have made dates or times, which pySigma refuses
   */
  SigmaParser(SigmaPlace place, Set<Node> timestamps) {
    this.place = place;
    this.timestamps = timestamps;
  }

  /** A Sigma rule as pySigma reads it, before the IR subset is checked. */
  record ParsedRule(
      String sigmaId,
      String level,
      List<String> tags,
      String title,
      ObjectNode logsource,
      Detections detections) {}

  /** pySigma's parse of one rule: every check it makes, in its order (E213). */
  ParsedRule parse(ObjectNode rule) throws SigmaFailure {
    String sigmaId = sigmaId(rule);
    String level = level(rule);
    statusAndDates(rule);
    List<String> tags = tags(rule);
    String title = title(rule);
    ObjectNode logsource = logsource(rule);
    Detections detections = detections(rule);
    for (Node definition : detections.definitions().values()) {
      parseDefinition(definition);
    }
    return new ParsedRule(sigmaId, level, tags, title, logsource, detections);
  }

  /** Modifier names and value types, which pySigma checks while parsing a detection. */
  private void parseDefinition(Node definition) throws SigmaFailure {
    if (definition instanceof ArrayNode list) {
      for (Node item : list.items()) {
        if (!isScalar(item)) {
          parseDefinition(item);
        } else {
          values(item);
        }
      }
      return;
    }
    if (!(definition instanceof ObjectNode items)) {
      values(definition);
      return;
    }
    for (ObjectNode.Member item : items.entries()) {
      String[] parts = item.key().split("\\|", -1);
      for (int m = 1; m < parts.length; m++) {
        if (!MODIFIERS.contains(parts[m])) {
          throw place.at(
              Code.E213,
              new StringNode(item.key(), item.keyPosition()),
              "Unknown modifier '" + parts[m] + "'");
        }
      }
      values(item.value());
    }
  }

  /** A detection item's values: one scalar, or a list of scalars (OR-linked). */
  List<Node> values(Node value) throws SigmaFailure {
    List<Node> values = new ArrayList<>();
    if (value instanceof ArrayNode list) {
      values.addAll(list.items());
    } else {
      values.add(value);
    }
    for (Node v : values) {
      if (!isScalar(v)) {
        throw place.at(Code.E213, v, "Sigma detection values must be plain values, not " + kind(v));
      }
      if (timestamps.contains(v)) {
        // pySigma's words for the Python type PyYAML makes of a date or a date and time.
        boolean dateOnly = ((StringNode) v).value().length() == 10;
        throw place.at(
            Code.E213,
            v,
            "Unsupported type: <class 'datetime." + (dateOnly ? "date" : "datetime") + "'>");
      }
    }
    return values;
  }

  // pySigma's rule checks (E213), in the order its parser makes them.

  private String sigmaId(ObjectNode rule) throws SigmaFailure {
    Node id = rule.get("id");
    if (id == null || id instanceof NullNode) {
      return null;
    }
    String uuid = id instanceof StringNode s ? PythonRepr.uuid(s.value()) : null;
    if (uuid == null) {
      throw place.at(Code.E213, id, "Sigma rule identifier must be an UUID");
    }
    return uuid;
  }

  private String level(ObjectNode rule) throws SigmaFailure {
    Node level = rule.get("level");
    if (level == null || level instanceof NullNode) {
      return null;
    }
    String name = level instanceof StringNode s ? s.value().toLowerCase(Locale.ROOT) : null;
    if (name == null || !LEVELS.contains(name)) {
      throw place.at(Code.E213, level, "'" + display(level) + "' is not a valid Sigma rule level");
    }
    return name;
  }

  private void statusAndDates(ObjectNode rule) throws SigmaFailure {
    Node status = rule.get("status");
    if (status != null
        && !(status instanceof NullNode)
        && !(status instanceof StringNode s
            && STATUSES.contains(s.value().toLowerCase(Locale.ROOT)))) {
      throw place.at(
          Code.E213, status, "'" + display(status) + "' is not a valid Sigma rule status");
    }
    for (String key : List.of("date", "modified")) {
      Node date = rule.get(key);
      if (date == null || date instanceof NullNode || timestamps.contains(date)) {
        continue;
      }
      if (!(date instanceof StringNode s && DATE.matcher(s.value()).matches())) {
        throw place.at(Code.E213, date, "Sigma rule " + key + " is invalid, must be yyyy-mm-dd");
      }
    }
  }

  private List<String> tags(ObjectNode rule) throws SigmaFailure {
    List<String> tags = new ArrayList<>();
    Node node = rule.get("tags");
    if (node == null || node instanceof NullNode) {
      return tags;
    }
    List<Node> items = node instanceof ArrayNode list ? list.items() : List.of(node);
    for (Node tag : items) {
      if (!(tag instanceof StringNode s) || s.value().indexOf('.') < 0) {
        throw place.at(
            Code.E213,
            tag,
            "Sigma tag must start with namespace separated with dot from remaining tag.");
      }
      tags.add(s.value());
    }
    return tags;
  }

  private String title(ObjectNode rule) throws SigmaFailure {
    Node title = rule.get("title");
    if (title == null || title instanceof NullNode) {
      throw place.at(Code.E213, rule, "Sigma rule must have a title");
    }
    if (!(title instanceof StringNode s)) {
      throw place.at(Code.E213, title, "Sigma rule title must be a string");
    }
    if (s.value().codePointCount(0, s.value().length()) > 256) {
      throw place.at(Code.E213, title, "Sigma rule title length must not exceed 256 characters");
    }
    if (s.value().isEmpty()) {
      throw place.at(Code.E014, title, "title: String should have at least 1 character");
    }
    return s.value();
  }

  private ObjectNode logsource(ObjectNode rule) throws SigmaFailure {
    Node logsource = rule.get("logsource");
    if (logsource == null || logsource instanceof NullNode) {
      throw place.at(Code.E213, rule, "Sigma rule must have a log source");
    }
    if (!(logsource instanceof ObjectNode object)) {
      throw place.at(Code.E213, logsource, "Sigma log source must be a mapping");
    }
    return object;
  }

  record Detections(List<String> conditions, Node conditionNode, Map<String, Node> definitions) {}

  private Detections detections(ObjectNode rule) throws SigmaFailure {
    Node detection = rule.get("detection");
    if (detection == null || detection instanceof NullNode) {
      throw place.at(Code.E213, rule, "Sigma rule must have a detection definitions");
    }
    if (!(detection instanceof ObjectNode object)) {
      throw place.at(Code.E213, detection, "Sigma detection definitions must be a mapping");
    }
    Node condition = object.get("condition");
    if (condition == null || condition instanceof NullNode) {
      throw place.at(Code.E213, detection, "Sigma rule must contain at least one condition");
    }
    List<String> conditions = new ArrayList<>();
    for (Node item : condition instanceof ArrayNode list ? list.items() : List.of(condition)) {
      if (!(item instanceof StringNode s)) {
        throw place.at(Code.E213, item, "Sigma condition must be a string");
      }
      conditions.add(s.value());
    }
    Map<String, Node> definitions = new java.util.LinkedHashMap<>();
    for (ObjectNode.Member member : object.entries()) {
      if (!member.key().equals("condition") && !member.key().equals("timeframe")) {
        definitions.put(member.key(), member.value());
      }
    }
    if (definitions.isEmpty()) {
      throw place.at(Code.E213, detection, "No detections defined in Sigma rule");
    }
    return new Detections(conditions, condition, definitions);
  }

  static boolean isScalar(Node node) {
    return !(node instanceof ObjectNode) && !(node instanceof ArrayNode);
  }

  static String display(Node node) {
    if (node instanceof StringNode s) {
      return s.value();
    }
    return PythonRepr.of(node);
  }

  private static String kind(Node node) {
    return node instanceof ObjectNode ? "a mapping" : "a list";
  }
}
