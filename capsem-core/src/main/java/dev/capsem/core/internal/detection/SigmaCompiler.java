package dev.capsem.core.internal.detection;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
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

  private static final Pattern SLUG_OUTSIDE = Pattern.compile("[^a-z0-9_.-]+");
  private static final int MAX_RULE_ID = 128;

  private final DetectionPack pack;
  private String sourcePath = "";
  private SigmaOrigin origin;

  private SigmaCompiler(DetectionPack pack) {
    this.pack = pack;
  }

  /** The IR of {@code pack}, or the diagnostic that stopped the compile. */
  public static Compiled compile(DetectionPack pack) {
    SigmaCompiler compiler = new SigmaCompiler(pack);
    try {
      return new Compiled(compiler.run(), null);
    } catch (SigmaFailure f) {
      return new Compiled(null, f.diagnostic());
    }
  }

  /** The outcome of a compile: the IR, or the one diagnostic that stopped it. */
  public record Compiled(DetectionIr ir, Diagnostic problem) {
    public boolean ok() {
      return ir != null;
    }
  }

  private DetectionIr run() throws SigmaFailure {
    List<DetectionIr.Rule> rules = new ArrayList<>();
    for (int i = 0; i < pack.sources().size(); i++) {
      DetectionSource source = pack.sources().get(i);
      sourcePath = "sources." + i;
      origin = null;
      String text = payload(source);
      SigmaPlace place = new SigmaPlace(origin, sourcePath);
      Set<Node> timestamps = Collections.newSetFromMap(new IdentityHashMap<>());
      SigmaParser parser = new SigmaParser(place, timestamps);
      List<SigmaParser.ParsedRule> parsed = new ArrayList<>();
      for (ObjectNode document : collection(source, text, place, timestamps)) {
        parsed.add(parser.parse(document));
      }
      SigmaSubset subset = new SigmaSubset(pack, place, parser);
      for (SigmaParser.ParsedRule rule : parsed) {
        rules.add(subset.rule(source, rule, parsed.size()));
      }
    }
    return new DetectionIr(pack.id(), pack.version(), pack.status(), pack.owner(), rules);
  }

  private String payload(DetectionSource source) throws SigmaFailure {
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
  private List<ObjectNode> collection(
      DetectionSource source, String text, SigmaPlace place, Set<Node> timestamps)
      throws SigmaFailure {
    List<Node> documents;
    try {
      documents = YamlTree.all(text, timestamps);
    } catch (YamlProblem e) {
      throw place.at(Code.E002, e.position(), e.getMessage());
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
        throw place.at(Code.E213, document, "Sigma rule must be a YAML mapping");
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
          throw place.at(
              Code.E213, action, "Sigma collection action 'repeat' without a previous rule");
        }
        ObjectNode merged = deepMerge(previous, body);
        rules.add(merged);
        previous = merged;
      } else {
        throw place.at(
            Code.E213,
            action,
            "Unknown Sigma collection action '"
                + SigmaParser.display(action)
                + "' in rule "
                + number);
      }
    }
    if (rules.isEmpty()) {
      throw atSource(Code.E213, source, "Sigma source " + source.id() + " contains no rule");
    }
    return rules;
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

  private SigmaFailure atSource(Code code, DetectionSource source, String message) {
    return new SigmaFailure(
        new Diagnostic(code, pack.file(), sourcePath, source.position(), message));
  }
}
