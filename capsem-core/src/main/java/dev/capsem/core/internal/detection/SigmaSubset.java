package dev.capsem.core.internal.detection;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.NullNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.policycontext.EventFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The subset of Sigma that Detection IR expresses (D15): product {@code capsem}, a family as
 * category (E214), one condition naming one selection (E215), a mapping of fields (E216, E217), no
 * modifiers (E218), mapped fields (E219), and exact values (E220).
 */
final class SigmaSubset {

  private final DetectionPack pack;
  private final SigmaPlace place;
  private final SigmaParser parser;

  SigmaSubset(DetectionPack pack, SigmaPlace place, SigmaParser parser) {
    this.pack = pack;
    this.place = place;
    this.parser = parser;
  }

  DetectionIr.Rule rule(DetectionSource source, SigmaParser.ParsedRule rule, int ruleCount)
      throws SigmaFailure {
    String sigmaId = rule.sigmaId();
    String level = rule.level();
    List<String> tags = rule.tags();
    String title = rule.title();
    ObjectNode logsource = rule.logsource();
    SigmaParser.Detections detections = rule.detections();

    Node product = logsource.get("product");
    Node category = logsource.get("category");
    EventFamily family = category instanceof StringNode c ? EventFamily.named(c.value()) : null;
    if (!(product instanceof StringNode p && p.value().equals("capsem")) || family == null) {
      throw place.at(
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
      throw place.at(
          Code.E215,
          detections.conditionNode(),
          "source " + source.id() + " has unsupported Sigma condition");
    }
    String selection = PythonRepr.strip(detections.conditions().get(0));
    Node detection = detections.definitions().get(selection);
    if (detection == null) {
      throw place.at(
          Code.E215,
          detections.conditionNode(),
          "source " + source.id() + " has unsupported Sigma condition");
    }
    List<DetectionIr.Matcher> matchers = matchers(source, family, detection);
    if (matchers.isEmpty()) {
      throw place.at(
          Code.E004,
          detection,
          "matchers: List should have at least 1 item after validation, not 0");
    }
    String id = source.id();
    if (ruleCount > 1) {
      id = SigmaCompiler.ruleId(source.id(), sigmaId != null ? sigmaId : title);
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
      DetectionSource source, EventFamily family, Node detection) throws SigmaFailure {
    if (detection instanceof ArrayNode list) {
      boolean keywords = list.items().stream().allMatch(SigmaParser::isScalar);
      throw keywords
          ? place.at(
              Code.E217,
              detection,
              "source " + source.id() + " contains unsupported keyword detection")
          : place.at(
              Code.E216, detection, "source " + source.id() + " uses unsupported item linking");
    }
    if (!(detection instanceof ObjectNode items)) {
      throw place.at(
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
      List<Node> values = parser.values(item.value());
      if (field.isEmpty()) {
        throw place.at(
            Code.E217, keyAt, "source " + source.id() + " contains unsupported keyword detection");
      }
      if (parts.length > 1) {
        throw place.at(
            Code.E218, keyAt, "source " + source.id() + " uses unsupported Sigma modifiers");
      }
      String path = mapping.get(field);
      if (path == null) {
        throw place.at(
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
        throw place.at(
            Code.E004,
            item.value(),
            "values: List should have at least 1 item after validation, not 0");
      }
      matchers.add(new DetectionIr.Matcher(path, plain, field));
    }
    return matchers;
  }

  /** A Sigma value as IR keeps it; strings must be exact (no wildcard, not empty). */
  private Node plain(Node value) throws SigmaFailure {
    if (value instanceof NullNode) {
      throw place.at(Code.E220, value, "unsupported Sigma value type: SigmaNull");
    }
    if (value instanceof StringNode s) {
      String exact = SigmaStrings.exact(s.value());
      if (exact == null) {
        throw place.at(Code.E220, value, "unsupported Sigma string wildcard or placeholder");
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
}
