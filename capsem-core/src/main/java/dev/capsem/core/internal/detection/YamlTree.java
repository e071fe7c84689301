package dev.capsem.core.internal.detection;

import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.NullNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads YAML as upstream's PyYAML {@code safe_load} / {@code safe_load_all} does (YAML 1.1 typing,
 * merge keys, duplicate keys allowed with the last value winning at the first key's place), into
 * positioned nodes. Hostile input gets a coded refusal instead of exhausting the machine: aliases
 * that would expand past {@value #MAX_NODES} nodes (a "billion laughs"), recursive aliases, nesting
 * deeper than {@value #MAX_DEPTH} levels, and more than {@value #MAX_CODE_POINTS} code points.
 */
final class YamlTree {

  static final int MAX_NODES = 100_000;
  static final int MAX_DEPTH = 64;
  static final int MAX_CODE_POINTS = 3 * 1024 * 1024;
  private static final int MAX_ALIASES = 100;

  private final Set<Node> timestamps;
  private final IdentityHashMap<org.yaml.snakeyaml.nodes.Node, Boolean> open =
      new IdentityHashMap<>();
  private int nodes;

  private YamlTree(Set<Node> timestamps) {
    this.timestamps = timestamps;
  }

  /** One document ({@code safe_load}); an empty stream is {@code null}. */
  static Node single(String text) throws YamlProblem {
    org.yaml.snakeyaml.nodes.Node root;
    try {
      root = yaml().compose(new StringReader(text));
    } catch (YAMLException e) {
      throw problem(e);
    }
    return root == null ? null : new YamlTree(null).convert(root, 0);
  }

  /**
   * Every document ({@code safe_load_all}); empty documents are {@code null}. Scalars that PyYAML
   * turns into dates are collected in {@code timestamps} (they are ISO strings here).
   */
  static List<Node> all(String text, Set<Node> timestamps) throws YamlProblem {
    List<Node> documents = new ArrayList<>();
    try {
      for (org.yaml.snakeyaml.nodes.Node root : yaml().composeAll(new StringReader(text))) {
        documents.add(root == null ? null : new YamlTree(timestamps).convert(root, 0));
      }
    } catch (YAMLException e) {
      throw problem(e);
    }
    return documents;
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setMergeOnCompose(false);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(
        new SafeConstructor(options),
        new Representer(dumper),
        dumper,
        options,
        new PyYamlResolver());
  }

  private static YamlProblem problem(YAMLException e) {
    if (e instanceof MarkedYAMLException marked) {
      Mark mark =
          marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      String problem = marked.getProblem() != null ? marked.getProblem() : marked.getContext();
      Position position = position(mark);
      String where =
          position == null
              ? ""
              : " (at line " + position.line() + ", column " + position.column() + ")";
      return new YamlProblem(oneLine(problem) + where, position);
    }
    // A limit of the whole document (nesting depth, size) has no mark: the document's start.
    return new YamlProblem(oneLine(e.getMessage()), new Position(1, 1));
  }

  private static String oneLine(String text) {
    return text == null ? "invalid YAML" : text.strip().replaceAll("\\s*\\n\\s*", " ");
  }

  private static Position position(Mark mark) {
    return mark == null ? null : new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }

  private Node convert(org.yaml.snakeyaml.nodes.Node node, int depth) throws YamlProblem {
    if (++nodes > MAX_NODES) {
      throw new YamlProblem(
          "YAML expands to more than " + MAX_NODES + " values (aliases repeat too much)",
          position(node.getStartMark()));
    }
    if (depth > MAX_DEPTH) {
      throw new YamlProblem(
          "YAML nests deeper than " + MAX_DEPTH + " levels", position(node.getStartMark()));
    }
    Position at = position(node.getStartMark());
    if (node instanceof ScalarNode scalar) {
      return scalar(scalar, at);
    }
    if (open.containsKey(node)) {
      throw new YamlProblem("YAML alias refers to itself (a recursive structure)", at);
    }
    open.put(node, Boolean.TRUE);
    try {
      if (node instanceof SequenceNode sequence) {
        if (!Tag.SEQ.equals(sequence.getTag())) {
          throw unsupportedTag(sequence.getTag(), at);
        }
        List<Node> items = new ArrayList<>();
        for (org.yaml.snakeyaml.nodes.Node item : sequence.getValue()) {
          items.add(convert(item, depth + 1));
        }
        return new ArrayNode(items, at);
      }
      MappingNode mapping = (MappingNode) node;
      if (!Tag.MAP.equals(mapping.getTag())) {
        throw unsupportedTag(mapping.getTag(), at);
      }
      ObjectNode.Builder out = ObjectNode.builder(at);
      List<NodeTuple> merged = new ArrayList<>();
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && Tag.MERGE.equals(key.getTag())) {
          merged.addAll(mergeSources(tuple.getValueNode()));
        }
      }
      // Merged keys come first and lose to the mapping's own keys, as in PyYAML.
      for (NodeTuple tuple : merged) {
        put(out, tuple, depth, true);
      }
      for (NodeTuple tuple : mapping.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key && Tag.MERGE.equals(key.getTag()))) {
          put(out, tuple, depth, false);
        }
      }
      return out.build();
    } finally {
      open.remove(node);
    }
  }

  private void put(ObjectNode.Builder out, NodeTuple tuple, int depth, boolean onlyIfAbsent)
      throws YamlProblem {
    String key = key(tuple.getKeyNode(), depth);
    if (onlyIfAbsent && out.has(key)) {
      return;
    }
    out.put(
        key, position(tuple.getKeyNode().getStartMark()), convert(tuple.getValueNode(), depth + 1));
  }

  private List<NodeTuple> mergeSources(org.yaml.snakeyaml.nodes.Node value) throws YamlProblem {
    List<NodeTuple> out = new ArrayList<>();
    if (value instanceof MappingNode mapping) {
      out.addAll(mapping.getValue());
    } else if (value instanceof SequenceNode sequence) {
      // Earlier mappings in a merge list win over later ones.
      List<org.yaml.snakeyaml.nodes.Node> sources = new ArrayList<>(sequence.getValue());
      Collections.reverse(sources);
      for (org.yaml.snakeyaml.nodes.Node source : sources) {
        if (!(source instanceof MappingNode mapping)) {
          throw new YamlProblem(
              "expected a mapping for merging, but found " + kind(source),
              position(source.getStartMark()));
        }
        out.addAll(mapping.getValue());
      }
    } else {
      throw new YamlProblem(
          "expected a mapping or list of mappings for merging, but found " + kind(value),
          position(value.getStartMark()));
    }
    return out;
  }

  private String key(org.yaml.snakeyaml.nodes.Node key, int depth) throws YamlProblem {
    if (!(key instanceof ScalarNode)) {
      throw new YamlProblem("found unhashable key", position(key.getStartMark()));
    }
    Node value = convert(key, depth + 1);
    if (value instanceof StringNode s) {
      return s.value();
    }
    // JSON keys are strings: Python's json writes True as "true", None as "null", 1.0 as "1.0".
    return JsonPrinter.compact().print(value);
  }

  private Node scalar(ScalarNode scalar, Position at) throws YamlProblem {
    String text = scalar.getValue();
    Tag tag = scalar.getTag();
    if (Tag.STR.equals(tag)) {
      return new StringNode(text, at);
    }
    if (Tag.NULL.equals(tag)) {
      return new NullNode(at);
    }
    if (Tag.BOOL.equals(tag)) {
      return new BooleanNode(text.toLowerCase(Locale.ROOT).matches("yes|true|on"), at);
    }
    if (Tag.INT.equals(tag)) {
      return new IntegerNode(integer(text, at), at);
    }
    if (Tag.FLOAT.equals(tag)) {
      return new FloatNode(floating(text, at), at);
    }
    if (Tag.TIMESTAMP.equals(tag)) {
      StringNode date = new StringNode(isoTimestamp(text), at);
      if (timestamps != null) {
        timestamps.add(date);
      }
      return date;
    }
    if (Tag.BINARY.equals(tag)) {
      return new StringNode(text.replaceAll("\\s", ""), at);
    }
    throw unsupportedTag(tag, at);
  }

  private static YamlProblem unsupportedTag(Tag tag, Position at) {
    return new YamlProblem("could not determine a constructor for the tag '" + tag + "'", at);
  }

  /** PyYAML's {@code construct_yaml_int}: underscores, sign, binary, octal, hex, base 60. */
  private static BigInteger integer(String raw, Position at) throws YamlProblem {
    String text = raw.replace("_", "");
    int sign = 1;
    if (text.startsWith("-")) {
      sign = -1;
      text = text.substring(1);
    } else if (text.startsWith("+")) {
      text = text.substring(1);
    }
    try {
      BigInteger value;
      if (text.equals("0")) {
        value = BigInteger.ZERO;
      } else if (text.startsWith("0b")) {
        value = new BigInteger(text.substring(2), 2);
      } else if (text.startsWith("0x")) {
        value = new BigInteger(text.substring(2), 16);
      } else if (text.startsWith("0")) {
        value = new BigInteger(text.substring(1), 8);
      } else if (text.contains(":")) {
        value = BigInteger.ZERO;
        for (String digit : text.split(":")) {
          value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(digit));
        }
      } else {
        value = new BigInteger(text);
      }
      return sign < 0 ? value.negate() : value;
    } catch (NumberFormatException e) {
      throw new YamlProblem("invalid integer '" + raw + "'", at);
    }
  }

  /** PyYAML's {@code construct_yaml_float}. */
  private static double floating(String raw, Position at) throws YamlProblem {
    String text = raw.replace("_", "").toLowerCase(Locale.ROOT);
    double sign = 1;
    if (text.startsWith("-")) {
      sign = -1;
      text = text.substring(1);
    } else if (text.startsWith("+")) {
      text = text.substring(1);
    }
    if (text.equals(".inf")) {
      return sign * Double.POSITIVE_INFINITY;
    }
    if (text.equals(".nan")) {
      return Double.NaN;
    }
    try {
      if (text.contains(":")) {
        double value = 0;
        for (String digit : text.split(":")) {
          value = value * 60 + Double.parseDouble(digit);
        }
        return sign * value;
      }
      return sign * Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new YamlProblem("invalid float '" + raw + "'", at);
    }
  }

  /**
   * The ISO text Pydantic writes for the date or datetime PyYAML reads: {@code 2026-05-21}, or
   * {@code 2026-05-21T10:00:00Z}.
   */
  private static String isoTimestamp(String text) {
    String trimmed = text.strip();
    if (trimmed.length() == 10) {
      return trimmed;
    }
    return trimmed.replaceFirst("[ \\t]+(?=[0-9])", "T").replaceAll("[ \\t]+", "");
  }

  private static String kind(org.yaml.snakeyaml.nodes.Node node) {
    return node.getNodeId().name();
  }
}
