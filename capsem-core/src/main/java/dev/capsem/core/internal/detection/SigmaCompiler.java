package dev.capsem.core.internal.detection;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.NullNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.policycontext.EventFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles a detection pack's Sigma sources to Detection IR (spec §4.2), reproducing what upstream
 * does with pySigma: the Sigma collection semantics ({@code action: global|reset|repeat}), the rule
 * checks pySigma makes (E213), then the subset the IR can express (D15): product {@code capsem}, a
 * family as category (E214), one condition naming one selection (E215), a mapping of fields (E216,
 * E217), no modifiers (E218), mapped fields (E219), and exact values (E220). Anything else is
 * refused naming the construct, at its line in the YAML. The first error stops the compile, as
 * upstream's does.
 */
public final class SigmaCompiler {

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
  private static final Pattern SLUG_OUTSIDE = Pattern.compile("[^a-z0-9_.-]+");
  private static final int MAX_RULE_ID = 128;

  /** Why the compile stopped. */
  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    Failure(Diagnostic diagnostic) {
      super(diagnostic.message(), null, false, false);
      this.diagnostic = diagnostic;
    }
  }

  private final DetectionPack pack;
  private String sourcePath = "";
  private SigmaOrigin origin;
  private Set<Node> timestamps = Collections.newSetFromMap(new IdentityHashMap<>());

  private SigmaCompiler(DetectionPack pack) {
    this.pack = pack;
  }

  /** The IR of {@code pack}, or the diagnostic that stopped the compile. */
  public static Compiled compile(DetectionPack pack) {
    SigmaCompiler compiler = new SigmaCompiler(pack);
    try {
      return new Compiled(compiler.run(), null);
    } catch (Failure f) {
      return new Compiled(null, f.diagnostic);
    }
  }

  /** The outcome of a compile: the IR, or the one diagnostic that stopped it. */
  public record Compiled(DetectionIr ir, Diagnostic problem) {
    public boolean ok() {
      return ir != null;
    }
  }

  private DetectionIr run() throws Failure {
    List<DetectionIr.Rule> rules = new ArrayList<>();
    for (int i = 0; i < pack.sources().size(); i++) {
      DetectionSource source = pack.sources().get(i);
      sourcePath = "sources." + i;
      origin = null;
      timestamps = Collections.newSetFromMap(new IdentityHashMap<>());
      String text = payload(source);
      List<ParsedRule> parsed = new ArrayList<>();
      for (ObjectNode document : collection(source, text)) {
        parsed.add(parse(document));
      }
      for (ParsedRule rule : parsed) {
        rules.add(rule(source, rule, parsed.size()));
      }
    }
    return new DetectionIr(pack.id(), pack.version(), pack.status(), pack.owner(), rules);
  }

  private String payload(DetectionSource source) throws Failure {
    if (!source.type().equals("sigma")) {
      throw atSource(
          Code.E221, source, "detection source " + source.id() + " is not a Sigma source");
    }
    if (source.content() != null) {
      origin = source.origin();
      return source.content();
    }
    if (source.path() != null) {
      Path file = Path.of(source.path());
      if (!file.isAbsolute() && pack.baseDir() != null) {
        file = pack.baseDir().resolve(file);
      }
      origin = SigmaOrigin.ownFile(source.path());
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException | java.io.UncheckedIOException e) {
        throw atSource(
            Code.E002,
            source,
            "cannot read Sigma source " + source.path() + ": " + e.getClass().getSimpleName());
      }
    }
    throw atSource(
        Code.E221, source, "detection source " + source.id() + " must be embedded or local");
  }

  /** pySigma's {@code SigmaCollection.from_yaml}: documents with collection actions applied. */
  private List<ObjectNode> collection(DetectionSource source, String text) throws Failure {
    List<Node> documents;
    try {
      documents = YamlTree.all(text, timestamps);
    } catch (YamlProblem e) {
      throw new Failure(
          new Diagnostic(
              Code.E002, origin.file(), sourcePath, origin.at(e.position()), e.getMessage()));
    }
    List<ObjectNode> rules = new ArrayList<>();
    ObjectNode global = null;
    ObjectNode previous = null;
    int number = 0;
    for (Node document : documents) {
      if (document == null) {
        continue;
      }
      number++;
      if (!(document instanceof ObjectNode rule)) {
        throw at(Code.E213, document, "Sigma rule must be a YAML mapping");
      }
      Node action = rule.get("action");
      ObjectNode body = without(rule, "action");
      if (action == null) {
        ObjectNode merged = global == null ? body : deepMerge(global, body);
        rules.add(merged);
        previous = merged;
      } else if (text(action, "global")) {
        global = body;
      } else if (text(action, "reset")) {
        global = null;
      } else if (text(action, "repeat")) {
        if (previous == null) {
          throw at(Code.E213, action, "Sigma collection action 'repeat' without a previous rule");
        }
        ObjectNode merged = deepMerge(previous, body);
        rules.add(merged);
        previous = merged;
      } else {
        throw at(
            Code.E213,
            action,
            "Unknown Sigma collection action '" + display(action) + "' in rule " + number);
      }
    }
    if (rules.isEmpty()) {
      throw atSource(Code.E213, source, "Sigma source " + source.id() + " contains no rule");
    }
    return rules;
  }

  /** A Sigma rule as pySigma reads it, before the IR subset is checked. */
  private record ParsedRule(
      String sigmaId,
      String level,
      List<String> tags,
      String title,
      ObjectNode logsource,
      Detections detections) {}

  /** pySigma's parse of one rule: every check it makes, in its order (E213). */
  private ParsedRule parse(ObjectNode rule) throws Failure {
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
  private void parseDefinition(Node definition) throws Failure {
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
          throw at(
              Code.E213,
              new StringNode(item.key(), item.keyPosition()),
              "Unknown modifier '" + parts[m] + "'");
        }
      }
      values(item.value());
    }
  }

  private DetectionIr.Rule rule(DetectionSource source, ParsedRule rule, int ruleCount)
      throws Failure {
    String sigmaId = rule.sigmaId();
    String level = rule.level();
    List<String> tags = rule.tags();
    String title = rule.title();
    ObjectNode logsource = rule.logsource();
    Detections detections = rule.detections();

    Node product = logsource.get("product");
    Node category = logsource.get("category");
    EventFamily family = category instanceof StringNode c ? EventFamily.named(c.value()) : null;
    if (!(product instanceof StringNode p && p.value().equals("capsem")) || family == null) {
      throw at(
          Code.E214,
          logsource,
          "source "
              + source.id()
              + " has unsupported Sigma logsource "
              + PythonRepr.of(product)
              + "/"
              + PythonRepr.of(category));
    }
    if (detections.conditions().size() != 1) {
      throw at(
          Code.E215,
          detections.conditionNode(),
          "source " + source.id() + " has unsupported Sigma condition");
    }
    String selection = PythonRepr.strip(detections.conditions().get(0));
    Node detection = detections.definitions().get(selection);
    if (detection == null) {
      throw at(
          Code.E215,
          detections.conditionNode(),
          "source " + source.id() + " has unsupported Sigma condition");
    }
    List<DetectionIr.Matcher> matchers = matchers(source, family, detection);
    if (matchers.isEmpty()) {
      throw at(
          Code.E004,
          detection,
          "matchers: List should have at least 1 item after validation, not 0");
    }
    String id = source.id();
    if (ruleCount > 1) {
      id = ruleId(source.id(), sigmaId != null ? sigmaId : title);
    }
    List<String> allTags = new ArrayList<>(pack.findings().tags());
    allTags.addAll(tags);
    return new DetectionIr.Rule(
        id,
        source.id(),
        sigmaId,
        title,
        family.wireName(),
        selection,
        matchers,
        level == null
            ? pack.findings().defaultSeverity()
            : level.equals("informational") ? "info" : level,
        pack.findings().defaultConfidence(),
        allTags);
  }

  private List<DetectionIr.Matcher> matchers(
      DetectionSource source, EventFamily family, Node detection) throws Failure {
    if (detection instanceof ArrayNode list) {
      boolean keywords = list.items().stream().allMatch(SigmaCompiler::isScalar);
      throw keywords
          ? at(
              Code.E217,
              detection,
              "source " + source.id() + " contains unsupported keyword detection")
          : at(Code.E216, detection, "source " + source.id() + " uses unsupported item linking");
    }
    if (!(detection instanceof ObjectNode items)) {
      throw at(
          Code.E217,
          detection,
          "source " + source.id() + " contains unsupported keyword detection");
    }
    Map<String, String> mapping = pack.fieldMapping().getOrDefault(family.wireName(), Map.of());
    List<DetectionIr.Matcher> matchers = new ArrayList<>();
    for (ObjectNode.Member item : items.entries()) {
      String[] parts = item.key().split("\\|", -1);
      String field = parts[0];
      Node keyAt = new StringNode(item.key(), item.keyPosition());
      List<Node> values = values(item.value());
      if (field.isEmpty()) {
        throw at(
            Code.E217, keyAt, "source " + source.id() + " contains unsupported keyword detection");
      }
      if (parts.length > 1) {
        throw at(Code.E218, keyAt, "source " + source.id() + " uses unsupported Sigma modifiers");
      }
      String path = mapping.get(field);
      if (path == null) {
        throw at(
            Code.E219,
            keyAt,
            "source "
                + source.id()
                + " maps unknown Sigma field "
                + PythonRepr.of(StringNode.of(field))
                + " for "
                + family.wireName());
      }
      List<Node> plain = new ArrayList<>();
      for (Node value : values) {
        plain.add(plain(value));
      }
      if (plain.isEmpty()) {
        throw at(
            Code.E004,
            item.value(),
            "values: List should have at least 1 item after validation, not 0");
      }
      matchers.add(new DetectionIr.Matcher(path, plain, field));
    }
    return matchers;
  }

  /** A detection item's values: one scalar, or a list of scalars (OR-linked). */
  private List<Node> values(Node value) throws Failure {
    List<Node> values = new ArrayList<>();
    if (value instanceof ArrayNode list) {
      values.addAll(list.items());
    } else {
      values.add(value);
    }
    for (Node v : values) {
      if (!isScalar(v)) {
        throw at(Code.E213, v, "Sigma detection values must be plain values, not " + kind(v));
      }
      if (timestamps.contains(v)) {
        // pySigma's words for the Python type PyYAML makes of a date or a date and time.
        boolean dateOnly = ((StringNode) v).value().length() == 10;
        throw at(
            Code.E213,
            v,
            "Unsupported type: <class 'datetime." + (dateOnly ? "date" : "datetime") + "'>");
      }
    }
    return values;
  }

  /** A Sigma value as IR keeps it; strings must be exact (no wildcard, not empty). */
  private Node plain(Node value) throws Failure {
    if (value instanceof NullNode) {
      throw at(Code.E220, value, "unsupported Sigma value type: SigmaNull");
    }
    if (value instanceof StringNode s) {
      String exact = SigmaStrings.exact(s.value());
      if (exact == null) {
        throw at(Code.E220, value, "unsupported Sigma string wildcard or placeholder");
      }
      return StringNode.of(exact);
    }
    if (value instanceof IntegerNode i) {
      return new IntegerNode(i.value(), null);
    }
    if (value instanceof FloatNode f) {
      double number = f.value();
      // D21: pySigma's SigmaNumber makes a whole float an integer (443.0 -> 443, 6.0e+2 -> 600),
      // as Python's int(): exactly, however large.
      if (Double.isFinite(number) && number == Math.rint(number)) {
        return new IntegerNode(new java.math.BigDecimal(number).toBigInteger(), null);
      }
      return new FloatNode(number, null);
    }
    return BooleanNode.of(((BooleanNode) value).value());
  }

  // pySigma's rule checks (E213), in the order its parser makes them.

  private String sigmaId(ObjectNode rule) throws Failure {
    Node id = rule.get("id");
    if (id == null || id instanceof NullNode) {
      return null;
    }
    String uuid = id instanceof StringNode s ? PythonRepr.uuid(s.value()) : null;
    if (uuid == null) {
      throw at(Code.E213, id, "Sigma rule identifier must be an UUID");
    }
    return uuid;
  }

  private String level(ObjectNode rule) throws Failure {
    Node level = rule.get("level");
    if (level == null || level instanceof NullNode) {
      return null;
    }
    String name = level instanceof StringNode s ? s.value().toLowerCase(Locale.ROOT) : null;
    if (name == null || !LEVELS.contains(name)) {
      throw at(Code.E213, level, "'" + display(level) + "' is not a valid Sigma rule level");
    }
    return name;
  }

  private void statusAndDates(ObjectNode rule) throws Failure {
    Node status = rule.get("status");
    if (status != null
        && !(status instanceof NullNode)
        && !(status instanceof StringNode s
            && STATUSES.contains(s.value().toLowerCase(Locale.ROOT)))) {
      throw at(Code.E213, status, "'" + display(status) + "' is not a valid Sigma rule status");
    }
    for (String key : List.of("date", "modified")) {
      Node date = rule.get(key);
      if (date == null || date instanceof NullNode || timestamps.contains(date)) {
        continue;
      }
      if (!(date instanceof StringNode s && DATE.matcher(s.value()).matches())) {
        throw at(Code.E213, date, "Sigma rule " + key + " is invalid, must be yyyy-mm-dd");
      }
    }
  }

  private List<String> tags(ObjectNode rule) throws Failure {
    List<String> tags = new ArrayList<>();
    Node node = rule.get("tags");
    if (node == null || node instanceof NullNode) {
      return tags;
    }
    List<Node> items = node instanceof ArrayNode list ? list.items() : List.of(node);
    for (Node tag : items) {
      if (!(tag instanceof StringNode s) || s.value().indexOf('.') < 0) {
        throw at(
            Code.E213,
            tag,
            "Sigma tag must start with namespace separated with dot from remaining tag.");
      }
      tags.add(s.value());
    }
    return tags;
  }

  private String title(ObjectNode rule) throws Failure {
    Node title = rule.get("title");
    if (title == null || title instanceof NullNode) {
      throw at(Code.E213, rule, "Sigma rule must have a title");
    }
    if (!(title instanceof StringNode s)) {
      throw at(Code.E213, title, "Sigma rule title must be a string");
    }
    if (s.value().codePointCount(0, s.value().length()) > 256) {
      throw at(Code.E213, title, "Sigma rule title length must not exceed 256 characters");
    }
    if (s.value().isEmpty()) {
      throw at(Code.E014, title, "title: String should have at least 1 character");
    }
    return s.value();
  }

  private ObjectNode logsource(ObjectNode rule) throws Failure {
    Node logsource = rule.get("logsource");
    if (logsource == null || logsource instanceof NullNode) {
      throw at(Code.E213, rule, "Sigma rule must have a log source");
    }
    if (!(logsource instanceof ObjectNode object)) {
      throw at(Code.E213, logsource, "Sigma log source must be a mapping");
    }
    return object;
  }

  private record Detections(
      List<String> conditions, Node conditionNode, Map<String, Node> definitions) {}

  private Detections detections(ObjectNode rule) throws Failure {
    Node detection = rule.get("detection");
    if (detection == null || detection instanceof NullNode) {
      throw at(Code.E213, rule, "Sigma rule must have a detection definitions");
    }
    if (!(detection instanceof ObjectNode object)) {
      throw at(Code.E213, detection, "Sigma detection definitions must be a mapping");
    }
    Node condition = object.get("condition");
    if (condition == null || condition instanceof NullNode) {
      throw at(Code.E213, detection, "Sigma rule must contain at least one condition");
    }
    List<String> conditions = new ArrayList<>();
    for (Node item : condition instanceof ArrayNode list ? list.items() : List.of(condition)) {
      if (!(item instanceof StringNode s)) {
        throw at(Code.E213, item, "Sigma condition must be a string");
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
      throw at(Code.E213, detection, "No detections defined in Sigma rule");
    }
    return new Detections(conditions, condition, definitions);
  }

  /** {@code <source_id>.<slug>} for collections of several rules (spec §4.2 step 7). */
  static String ruleId(String sourceId, String suffix) {
    String slug =
        strip(SLUG_OUTSIDE.matcher(suffix.toLowerCase(Locale.ROOT)).replaceAll("-"), true, true);
    if (slug.isEmpty()) {
      slug = "rule";
    }
    String id = sourceId + "." + slug;
    if (id.length() > MAX_RULE_ID) {
      id = id.substring(0, MAX_RULE_ID);
    }
    return strip(id, false, true);
  }

  private static String strip(String text, boolean left, boolean right) {
    int start = 0;
    int end = text.length();
    while (left && start < end && "-_.".indexOf(text.charAt(start)) >= 0) {
      start++;
    }
    while (right && end > start && "-_.".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return text.substring(start, end);
  }

  private static ObjectNode without(ObjectNode object, String key) {
    ObjectNode.Builder out = ObjectNode.builder(object.position());
    for (ObjectNode.Member member : object.entries()) {
      if (!member.key().equals(key)) {
        out.put(member.key(), member.keyPosition(), member.value());
      }
    }
    return out.build();
  }

  /** pySigma's {@code deep_dict_update}: {@code update} wins, nested mappings merge. */
  static ObjectNode deepMerge(ObjectNode base, ObjectNode update) {
    ObjectNode.Builder out = ObjectNode.builder(update.position());
    for (ObjectNode.Member member : base.entries()) {
      out.put(member.key(), member.keyPosition(), member.value());
    }
    for (ObjectNode.Member member : update.entries()) {
      Node current = base.get(member.key());
      Node value =
          current instanceof ObjectNode a && member.value() instanceof ObjectNode b
              ? deepMerge(a, b)
              : member.value();
      out.put(member.key(), member.keyPosition(), value);
    }
    return out.build();
  }

  private static boolean text(Node node, String value) {
    return node instanceof StringNode s && s.value().equals(value);
  }

  private static boolean isScalar(Node node) {
    return !(node instanceof ObjectNode) && !(node instanceof ArrayNode);
  }

  private static String display(Node node) {
    if (node instanceof StringNode s) {
      return s.value();
    }
    return PythonRepr.of(node);
  }

  private static String kind(Node node) {
    return node instanceof ObjectNode ? "a mapping" : "a list";
  }

  private Failure at(Code code, Node node, String message) {
    Position inSigma = node == null ? null : node.position();
    return new Failure(
        new Diagnostic(code, origin.file(), sourcePath, origin.at(inSigma), message));
  }

  private Failure atSource(Code code, DetectionSource source, String message) {
    return new Failure(new Diagnostic(code, pack.file(), sourcePath, source.position(), message));
  }
}
