package dev.capsem.core.internal.enforcement;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.LineIndex;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.profile.ProfileSecurity;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.internal.schema.Issue;
import dev.capsem.core.internal.schema.ObjectSchema;
import dev.capsem.core.internal.schema.Schema;
import dev.capsem.core.internal.schema.Validated;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an enforcement file in either shape (D2): a {@code .json} suffix means JSON, anything else
 * TOML. A top-level object with {@code security} and none of {@code schema}, {@code id}, {@code
 * rules} is the profile-rule shape; anything else is a policy pack. This checks structure only;
 * conditions are checked by {@link ConditionCompiler}.
 */
public final class EnforcementReader {

  private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

  /** Which callbacks each profile-rule family accepts (the runtime loader's table). */
  private static final Map<String, List<String>> CALLBACKS =
      Map.of(
          "mcp", List.of("mcp.request", "mcp.response"),
          "http", List.of("http.request", "http.read", "http.write", "http.response"),
          "dns", List.of("dns.request", "dns.response"),
          "model",
              List.of("model.request", "model.response", "model.tool_call", "model.tool_response"),
          "hook", List.of("hook.decision"));

  private static final ObjectSchema PROFILE_RULE_FILE =
      Schema.object()
          .required(
              "security", Schema.object().required("rules", ProfileSecurity.rulesSchema()).build())
          .build();

  private final String shown;
  private final String text;
  private final LineIndex lines;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<EnforcementRule> salvaged = new ArrayList<>();
  private final List<RuleSource> salvagedSources = new ArrayList<>();

  private EnforcementReader(String shown, String text) {
    this.shown = shown;
    this.text = text;
    this.lines = text == null ? null : new LineIndex(text);
  }

  /** How a failure to read or parse an enforcement file is labelled. */
  static final String KIND = "enforcement_pack";

  /** Reads and checks {@code file}; {@code shownAs} is how diagnostics name it. */
  public static EnforcementRead read(Path file, String shownAs) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return parse(null, InputDocument.read(file, shownAs, KIND), shownAs);
    }
    return parse(bytes, InputDocument.parse(bytes, shownAs, isJson(file), KIND), shownAs);
  }

  /** Reads in-memory content; {@code fileName} decides between JSON and TOML. */
  public static EnforcementRead read(byte[] bytes, String fileName, String shownAs) {
    return parse(
        bytes, InputDocument.parse(bytes, shownAs, InputDocument.isJson(fileName), KIND), shownAs);
  }

  private static boolean isJson(Path file) {
    Path name = file.getFileName();
    return name != null && InputDocument.isJson(name.toString());
  }

  private static EnforcementRead parse(byte[] bytes, InputDocument input, String shownAs) {
    if (!input.parsed()) {
      return new EnforcementRead(null, input.problems(), null);
    }
    String text = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    EnforcementReader reader = new EnforcementReader(shownAs, text);
    EnforcementPack pack =
        isProfileRuleShape(input.tree())
            ? reader.profileRules(input.tree())
            : reader.policyPack(input.tree());
    EnforcementPack checkable = pack;
    if (pack == null && !reader.salvaged.isEmpty()) {
      checkable =
          new EnforcementPack(
              "unchecked",
              EnforcementPack.UNVERSIONED,
              PackShape.POLICY_PACK,
              reader.salvaged,
              reader.salvagedSources);
    }
    return new EnforcementRead(pack, reader.diagnostics, checkable);
  }

  /** The shape rule of D2: {@code security} without {@code schema}, {@code id} or {@code rules}. */
  static boolean isProfileRuleShape(Node tree) {
    return tree instanceof ObjectNode object
        && object.has("security")
        && !object.has("schema")
        && !object.has("id")
        && !object.has("rules");
  }

  private EnforcementPack policyPack(Node tree) {
    Validated validated = PolicyPackSchema.PACK.validate(tree);
    for (Issue issue : validated.issues()) {
      diagnostics.add(issue.in(shown));
    }
    if (!validated.ok()) {
      salvagePackRules(tree);
      return null;
    }
    ObjectNode pack = (ObjectNode) validated.value();
    List<EnforcementRule> rules = new ArrayList<>();
    List<RuleSource> sources = new ArrayList<>();
    List<Node> items = ((ArrayNode) pack.get("rules")).items();
    for (int i = 0; i < items.size(); i++) {
      ObjectNode rule = (ObjectNode) items.get(i);
      rules.add(packRule(rule));
      sources.add(source("rules." + i + ".condition", rule.get("condition")));
    }
    return new EnforcementPack(
        pack.string("id"), pack.string("version"), PackShape.POLICY_PACK, rules, sources);
  }

  /** Keeps the rules of an invalid pack that are valid on their own, to check their conditions. */
  private void salvagePackRules(Node tree) {
    if (!(tree instanceof ObjectNode object) || !(object.get("rules") instanceof ArrayNode rules)) {
      return;
    }
    for (int i = 0; i < rules.size(); i++) {
      Validated rule = PolicyPackSchema.RULE.validate(rules.get(i));
      if (rule.ok()) {
        ObjectNode value = (ObjectNode) rule.value();
        salvaged.add(packRule(value));
        salvagedSources.add(source("rules." + i + ".condition", value.get("condition")));
      }
    }
  }

  /** One valid {@code PolicyRuleV1} object as a rule. */
  static EnforcementRule packRule(ObjectNode rule) {
    Rewrite rewrite = null;
    if (rule.get("rewrite") instanceof ObjectNode payload) {
      rewrite =
          new Rewrite(
              payload.string("target"),
              payload.string("value"),
              strings(payload.get("strip_request_headers")),
              strings(payload.get("strip_response_headers")));
    }
    return new EnforcementRule(
        rule.string("id"),
        rule.string("name"),
        ((dev.capsem.core.internal.json.BooleanNode) rule.get("enabled")).value(),
        rule.string("event_family"),
        rule.string("event_type"),
        ((dev.capsem.core.internal.json.IntegerNode) rule.get("priority")).value().longValueExact(),
        rule.string("condition"),
        RuleDecision.named(rule.string("decision")),
        rewrite,
        rule.string("reason"));
  }

  private EnforcementPack profileRules(Node tree) {
    Validated validated = PROFILE_RULE_FILE.validate(tree);
    for (Issue issue : validated.issues()) {
      diagnostics.add(issue.in(shown));
    }
    if (!validated.ok()) {
      salvageProfileRules(tree);
      return null;
    }
    ObjectNode families = ((ObjectNode) validated.value()).object("security").object("rules");
    List<EnforcementRule> rules = new ArrayList<>();
    List<RuleSource> sources = new ArrayList<>();
    int before = diagnostics.size();
    for (ObjectNode.Member family : families.entries()) {
      for (ObjectNode.Member member : ((ObjectNode) family.value()).entries()) {
        String path = "security.rules." + family.key() + "." + member.key();
        ObjectNode rule = (ObjectNode) member.value();
        runtimeChecks(family.key(), member, path);
        rules.add(profileRule(family.key(), member.key(), rule));
        sources.add(source(path + ".if", rule.get("if")));
      }
    }
    if (diagnostics.size() > before) {
      salvaged.addAll(rules);
      salvagedSources.addAll(sources);
      return null;
    }
    return new EnforcementPack(
        stem(shown), EnforcementPack.UNVERSIONED, PackShape.PROFILE_RULES, rules, sources);
  }

  /** Keeps the profile rules that are valid on their own, to check their conditions. */
  private void salvageProfileRules(Node tree) {
    if (!(tree instanceof ObjectNode top)
        || !(top.get("security") instanceof ObjectNode security)
        || !(security.get("rules") instanceof ObjectNode families)) {
      return;
    }
    for (ObjectNode.Member family : families.entries()) {
      if (!(family.value() instanceof ObjectNode members)) {
        continue;
      }
      for (ObjectNode.Member member : members.entries()) {
        ObjectNode single =
            ObjectNode.builder()
                .put(family.key(), ObjectNode.builder().put(member.key(), member.value()).build())
                .build();
        Validated valid = ProfileSecurity.rulesSchema().validate(single);
        if (valid.ok()) {
          ObjectNode rule = ((ObjectNode) valid.value()).object(family.key()).object(member.key());
          String path = "security.rules." + family.key() + "." + member.key();
          runtimeChecks(
              family.key(), new ObjectNode.Member(member.key(), member.keyPosition(), rule), path);
          salvaged.add(profileRule(family.key(), member.key(), rule));
          salvagedSources.add(source(path + ".if", rule.get("if")));
        }
      }
    }
  }

  /** The runtime loader's checks that the profile model leaves out (§1.2). */
  private void runtimeChecks(String family, ObjectNode.Member member, String path) {
    ObjectNode rule = (ObjectNode) member.value();
    if (!RULE_NAME.matcher(member.key()).matches()) {
      diagnostics.add(
          new Diagnostic(
              Code.E012,
              shown,
              path,
              member.keyPosition(),
              "rule name may only contain ASCII letters, digits, '-', and '_'"));
    }
    String on = rule.string("on");
    if (!CALLBACKS.get(family).contains(on)) {
      String message =
          family.equals("dns") && on.equals("dns.query")
              ? "callback 'dns.query' was renamed to 'dns.request'; use 'dns.request'"
              : "callback '" + on + "' is not allowed for rule type '" + family + "'";
      diagnostics.add(
          new Diagnostic(Code.E209, shown, path + ".on", rule.get("on").position(), message));
    }
    boolean rewrite = "rewrite".equals(rule.string("decision"));
    boolean target = rule.has("rewrite_target");
    boolean value = rule.has("rewrite_value");
    boolean strips =
        !strings(rule.get("strip_request_headers")).isEmpty()
            || !strings(rule.get("strip_response_headers")).isEmpty();
    Position at = rule.position() != null ? rule.position() : member.keyPosition();
    if (rewrite && target != value) {
      diagnostics.add(
          new Diagnostic(
              Code.E201,
              shown,
              path,
              at,
              "rewrite decisions require both rewrite_target and rewrite_value"));
    } else if (rewrite && !target && !strips) {
      diagnostics.add(
          new Diagnostic(
              Code.E201,
              shown,
              path,
              at,
              "rewrite decisions require rewrite_target and rewrite_value or header strip fields"));
    } else if (!rewrite && (target || value || strips)) {
      diagnostics.add(
          new Diagnostic(
              Code.E202,
              shown,
              path,
              at,
              "only rewrite decisions may include rewrite_target/rewrite_value or header strip"
                  + " fields"));
    }
  }

  /** A valid profile rule as a pack rule (§3.5): id {@code <family>.<name>}, always enabled. */
  static EnforcementRule profileRule(String family, String name, ObjectNode rule) {
    List<String> stripRequest = strings(rule.get("strip_request_headers"));
    List<String> stripResponse = strings(rule.get("strip_response_headers"));
    Rewrite rewrite = null;
    if ("rewrite".equals(rule.string("decision"))) {
      rewrite =
          new Rewrite(
              rule.string("rewrite_target"),
              rule.string("rewrite_value"),
              stripRequest,
              stripResponse);
    }
    return new EnforcementRule(
        family + "." + name,
        name,
        true,
        family,
        rule.string("on"),
        ((dev.capsem.core.internal.json.IntegerNode) rule.get("priority")).value().longValueExact(),
        rule.string("if"),
        RuleDecision.named(rule.string("decision")),
        rewrite,
        rule.string("reason"));
  }

  private RuleSource source(String path, Node condition) {
    String value = condition instanceof StringNode s ? s.value() : "";
    return new RuleSource(
        shown, path, ConditionLocator.of(text, lines, condition.position(), value));
  }

  private static List<String> strings(Node node) {
    List<String> out = new ArrayList<>();
    if (node instanceof ArrayNode array) {
      for (Node item : array.items()) {
        out.add(((StringNode) item).value());
      }
    }
    return out;
  }

  /** The file name without its last suffix, as Python's {@code Path.stem}. */
  static String stem(String shown) {
    String name = shown.substring(shown.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
