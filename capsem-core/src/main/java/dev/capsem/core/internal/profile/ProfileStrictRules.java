package dev.capsem.core.internal.profile;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.schema.Issue;
import dev.capsem.core.internal.schema.Schema;
import dev.capsem.core.internal.schema.SchemaPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of upstream's hand-written {@code capsem.profile.v2.schema.json} (what the Capsem
 * runtime enforces) that its admin model does not check: key and item patterns, unique items, the
 * event names of {@code rule.on}, non-empty {@code vm.assets}, {@code tools} and {@code runtimes}.
 * A profile that passes the admin model but fails here would be refused by the runtime, so ours
 * reports it at validation time, after the admin model's own findings.
 */
final class ProfileStrictRules {

  private static final String CONFIG_ID = "^[A-Za-z0-9_.-]+$";
  private static final String NODE_PACKAGE = "^(@[A-Za-z0-9_.-]+/)?[A-Za-z0-9_.-]+$";
  private static final String APT_PACKAGE = "^[A-Za-z0-9+_.-]+$";
  private static final String RULE_NAME = "^[A-Za-z0-9_-]+$";
  private static final String SVG = "^\\s*<svg[\\s>]";
  private static final String ACCENT = "^#[0-9a-fA-F]{6}$";
  static final List<String> EVENTS =
      List.of(
          "mcp.request",
          "mcp.response",
          "http.request",
          "http.response",
          "http.read",
          "http.write",
          "dns.request",
          "dns.response",
          "model.request",
          "model.response",
          "model.tool_call",
          "model.tool_response",
          "hook.decision");

  private final List<Issue> issues = new ArrayList<>();

  private ProfileStrictRules() {}

  /** Every schema-only finding about a raw profile document. */
  static List<Issue> check(Node document) {
    ProfileStrictRules rules = new ProfileStrictRules();
    if (document instanceof ObjectNode root) {
      rules.root(root);
    }
    return rules.issues;
  }

  private void root(ObjectNode root) {
    SchemaPath top = SchemaPath.root();
    stringPattern(root.get("icon_svg"), top.child("icon_svg"), SVG);
    if (root.get("appearance") instanceof ObjectNode appearance) {
      stringPattern(appearance.get("accent"), top.child("appearance").child("accent"), ACCENT);
    }
    if (root.get("ai") instanceof ObjectNode ai
        && ai.get("providers") instanceof ObjectNode providers) {
      SchemaPath path = top.child("ai").child("providers");
      keys(providers, path, CONFIG_ID);
      for (ObjectNode.Member provider : providers.entries()) {
        if (provider.value() instanceof ObjectNode body) {
          SchemaPath at = path.child(provider.key());
          identifiers(body.get("credential_refs"), at.child("credential_refs"));
          securityRules(body.get("rules"), at.child("rules"));
        }
      }
    }
    if (root.get("mcpServers") instanceof ObjectNode servers) {
      SchemaPath path = top.child("mcpServers");
      keys(servers, path, CONFIG_ID);
      for (ObjectNode.Member server : servers.entries()) {
        if (server.value() instanceof ObjectNode body) {
          SchemaPath at = path.child(server.key());
          unique(body.get("pool_safe_tools"), at.child("pool_safe_tools"));
          if (body.get("capsem") instanceof ObjectNode capsem) {
            identifiers(capsem.get("credential_refs"), at.child("capsem").child("credential_refs"));
            unique(capsem.get("allowed_tools"), at.child("capsem").child("allowed_tools"));
            securityRules(capsem.get("rules"), at.child("capsem").child("rules"));
          }
        }
      }
    }
    if (root.get("skills") instanceof ObjectNode skills) {
      for (String list : List.of("groups", "enabled", "disabled")) {
        identifiers(skills.get(list), top.child("skills").child(list));
      }
    }
    if (root.get("vm") instanceof ObjectNode vm && vm.get("assets") instanceof ObjectNode assets) {
      notEmpty(assets, top.child("vm").child("assets"));
    }
    if (root.get("packages") instanceof ObjectNode packages) {
      SchemaPath at = top.child("packages");
      if (packages.get("runtimes") instanceof ObjectNode runtimes) {
        notEmpty(runtimes, at.child("runtimes"));
        keys(runtimes, at.child("runtimes"), CONFIG_ID);
      }
      if (packages.get("python_modules") instanceof ObjectNode modules) {
        keys(modules, at.child("python_modules"), CONFIG_ID);
      }
      if (packages.get("node_packages") instanceof ObjectNode nodePackages) {
        keys(nodePackages, at.child("node_packages"), NODE_PACKAGE);
      }
      if (packages.get("system") instanceof ObjectNode system
          && system.get("apt") instanceof ObjectNode apt) {
        keys(apt, at.child("system").child("apt"), APT_PACKAGE);
      }
    }
    if (root.get("tools") instanceof ObjectNode tools) {
      notEmpty(tools, top.child("tools"));
      keys(tools, top.child("tools"), CONFIG_ID);
    }
    if (root.get("security") instanceof ObjectNode security) {
      securityRules(security.get("rules"), top.child("security").child("rules"));
    }
  }

  private void securityRules(Node rules, SchemaPath path) {
    if (!(rules instanceof ObjectNode families)) {
      return;
    }
    for (ObjectNode.Member family : families.entries()) {
      if (!(family.value() instanceof ObjectNode byName)) {
        continue;
      }
      SchemaPath familyPath = path.child(family.key());
      keys(byName, familyPath, RULE_NAME);
      for (ObjectNode.Member rule : byName.entries()) {
        if (rule.value() instanceof ObjectNode body
            && body.get("on") instanceof StringNode on
            && !on.value().isEmpty()
            && !EVENTS.contains(on.value())) {
          issues.add(
              new Issue(
                  familyPath.child(rule.key()).child("on"),
                  on.position(),
                  Code.E005,
                  "Input should be " + Schema.choices(EVENTS)));
        }
      }
    }
  }

  private void stringPattern(Node value, SchemaPath path, String regex) {
    if (value instanceof StringNode string && !matches(regex, string.value())) {
      issues.add(new Issue(path, value.position(), Code.E012, patternMessage(regex)));
    }
  }

  private void keys(ObjectNode map, SchemaPath path, String regex) {
    for (ObjectNode.Member member : map.entries()) {
      if (!member.key().isEmpty() && !matches(regex, member.key())) {
        issues.add(
            new Issue(
                path.keyOf(member.key()), member.keyPosition(), Code.E012, patternMessage(regex)));
      }
    }
  }

  /** Items that must be config identifiers and unique: credential refs, skills. */
  private void identifiers(Node list, SchemaPath path) {
    if (!(list instanceof ArrayNode array)) {
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof StringNode item
          && !item.value().isEmpty()
          && !matches(CONFIG_ID, item.value())) {
        issues.add(new Issue(path.index(i), item.position(), Code.E012, patternMessage(CONFIG_ID)));
      }
    }
    unique(list, path);
  }

  private void unique(Node list, SchemaPath path) {
    if (!(list instanceof ArrayNode array)) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof StringNode item && !seen.add(item.value())) {
        issues.add(
            new Issue(
                path.index(i),
                item.position(),
                Code.E008,
                "List should have unique items; '" + item.value() + "' appears more than once"));
      }
    }
  }

  private void notEmpty(ObjectNode map, SchemaPath path) {
    if (map.isEmpty()) {
      issues.add(
          new Issue(
              path,
              map.position(),
              Code.E004,
              "Dictionary should have at least 1 item after validation, not 0"));
    }
  }

  private static boolean matches(String regex, String value) {
    return Schema.string().pattern(regex).accepts(value);
  }

  private static String patternMessage(String regex) {
    return "String should match pattern '" + regex + "'";
  }
}
