package dev.capsem.core.internal.profile;

import static dev.capsem.core.internal.json.Nodes.bool;
import static dev.capsem.core.internal.json.Nodes.integer;
import static dev.capsem.core.internal.json.Nodes.string;
import static dev.capsem.core.internal.json.Nodes.stringMap;
import static dev.capsem.core.internal.json.Nodes.strings;

import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the typed {@link Profile} view from a document the schema has normalised. */
final class ProfileBinding {

  private ProfileBinding() {}

  static Profile bind(ObjectNode doc) {
    ObjectNode compatibility = doc.object("compatibility");
    Map<String, AiProvider> providers = new LinkedHashMap<>();
    for (ObjectNode.Member member : doc.object("ai").object("providers").entries()) {
      ObjectNode p = (ObjectNode) member.value();
      providers.put(
          member.key(),
          new AiProvider(
              member.key(),
              bool(p, "enabled"),
              string(p, "model"),
              string(p, "base_url"),
              strings(p, "credential_refs"),
              rules(p.object("rules"))));
    }
    Map<String, McpServer> servers = new LinkedHashMap<>();
    for (ObjectNode.Member member : doc.object("mcpServers").entries()) {
      ObjectNode s = (ObjectNode) member.value();
      ObjectNode capsem = s.object("capsem");
      servers.put(
          member.key(),
          new McpServer(
              member.key(),
              bool(s, "enabled"),
              string(s, "type"),
              string(s, "command"),
              strings(s, "args"),
              stringMap(s, "env"),
              string(s, "url"),
              stringMap(s, "headers"),
              string(s, "bearerToken"),
              s.get("pool_size") instanceof IntegerNode n ? n.value().longValueExact() : null,
              strings(s, "pool_safe_tools"),
              strings(capsem, "credential_refs"),
              strings(capsem, "allowed_tools"),
              rules(capsem.object("rules"))));
    }
    ObjectNode vm = doc.object("vm");
    Map<String, ArchAssets> assets = new LinkedHashMap<>();
    for (ObjectNode.Member member : vm.object("assets").entries()) {
      ObjectNode arch = (ObjectNode) member.value();
      assets.put(
          member.key(),
          new ArchAssets(
              asset(arch.object("kernel")),
              asset(arch.object("initrd")),
              asset(arch.object("rootfs"))));
    }
    ObjectNode packages = doc.object("packages");
    ObjectNode system = packages.object("system");
    Map<String, ToolContract> tools = new LinkedHashMap<>();
    for (ObjectNode.Member member : doc.object("tools").entries()) {
      ObjectNode t = (ObjectNode) member.value();
      tools.put(
          member.key(),
          new ToolContract(string(t, "version"), bool(t, "required"), string(t, "source")));
    }
    ObjectNode security = doc.object("security");
    return new Profile(
        string(doc, "id"),
        string(doc, "revision"),
        string(doc, "name"),
        string(doc, "description"),
        string(doc, "best_for"),
        string(doc, "profile_type"),
        string(doc, "ui"),
        new Compatibility(
            string(compatibility, "min_binary"),
            string(compatibility, "max_binary"),
            string(compatibility, "guest_abi")),
        providers,
        servers,
        new VmSettings(
            integer(vm, "memory_mib"),
            integer(vm, "cpus"),
            integer(vm, "disk_mib"),
            string(vm, "network"),
            bool(vm, "track_rootfs_dependencies"),
            string(vm, "rootfs_image"),
            assets),
        new PackageContract(
            stringMap(packages, "runtimes"),
            stringMap(packages, "python_modules"),
            stringMap(packages, "node_packages"),
            string(system, "distro"),
            string(system, "release"),
            stringMap(system, "apt")),
        tools,
        security(security),
        doc);
  }

  static SecuritySettings security(ObjectNode security) {
    return new SecuritySettings(
        stringMap(security, "capabilities"), rules(security.object("rules")));
  }

  /** The rules of a {@code SecurityRules} object, family by family, in declaration order. */
  static List<SecurityRule> rules(ObjectNode families) {
    List<SecurityRule> rules = new ArrayList<>();
    for (ObjectNode.Member family : families.entries()) {
      for (ObjectNode.Member rule : ((ObjectNode) family.value()).entries()) {
        ObjectNode r = (ObjectNode) rule.value();
        rules.add(
            new SecurityRule(
                family.key(),
                rule.key(),
                string(r, "on"),
                string(r, "if"),
                string(r, "decision"),
                integer(r, "priority"),
                string(r, "rewrite_target"),
                string(r, "rewrite_value"),
                strings(r, "strip_request_headers"),
                strings(r, "strip_response_headers"),
                string(r, "reason")));
      }
    }
    return rules;
  }

  private static AssetDeclaration asset(ObjectNode a) {
    return new AssetDeclaration(
        string(a, "url"),
        string(a, "hash"),
        string(a, "signature_url"),
        integer(a, "size"),
        string(a, "content_type"));
  }
}
