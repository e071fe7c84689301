package dev.capsem.core.internal.workspace;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileDraft;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.workspace.GuestConfig.AiProviderConfig;
import dev.capsem.core.internal.workspace.GuestConfig.McpServerConfig;
import dev.capsem.core.internal.workspace.GuestConfig.PackageSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the two built-in profiles ({@code everyday-work}, then {@code coding}) from a developer
 * guest config, as {@code profile init-builtins} does: packages, providers, tools and MCP servers
 * come from the config; security, compatibility and assets stay as in the draft.
 */
public final class BuiltinProfiles {

  /** Identity of one built-in profile. */
  public record Builtin(
      String id, String name, String description, String bestFor, String profileType, String ui) {}

  public static final List<Builtin> BUILTINS =
      List.of(
          new Builtin(
              "everyday-work",
              "Everyday Work",
              "Balanced defaults for daily work sessions.",
              "Daily work with useful tools and measured security prompts.",
              "everyday-work",
              "everyday"),
          new Builtin(
              "coding",
              "Coding",
              "Focused defaults for software development sessions.",
              "Coding agents, repository work, tests, and developer tooling.",
              "coding",
              "coding"));

  private BuiltinProfiles() {}

  /** Both built-ins, in upstream's order, each validated. */
  public static List<ProfileCheck> derive(GuestConfig config, String revision) {
    return BUILTINS.stream().map(builtin -> derive(config, revision, builtin)).toList();
  }

  static ProfileCheck derive(GuestConfig config, String revision, Builtin builtin) {
    ObjectNode draft =
        ProfileDraft.document(
            builtin.id(),
            revision,
            builtin.name(),
            builtin.description(),
            builtin.bestFor(),
            builtin.profileType(),
            builtin.ui());
    ObjectNode vm =
        draft
            .object("vm")
            .with("memory_mib", num(config.resources().ramGb() * 1024))
            .with("cpus", num(config.resources().cpuCount()))
            .with("disk_mib", num(config.resources().scratchDiskSizeGb() * 1024));
    ObjectNode document =
        draft
            .with("ai", ObjectNode.builder().put("providers", providers(config)).build())
            .with("mcpServers", mcpServers(config))
            .with("vm", vm)
            .with("packages", packages(config))
            .with("tools", tools(config, draft.object("tools")));
    return ProfileReader.check(document, null);
  }

  private static ObjectNode packages(GuestConfig config) {
    Map<String, String> apt = new LinkedHashMap<>();
    Map<String, String> python = new LinkedHashMap<>();
    Map<String, String> node = new LinkedHashMap<>();
    for (PackageSet set : config.packageSets().values()) {
      for (String spec : set.packages()) {
        switch (set.manager()) {
          case "apt" -> split(spec, "=", apt);
          case "uv", "pip" -> split(spec, "==", python);
          case "npm" -> npm(spec, node);
          default -> {}
        }
      }
    }
    for (AiProviderConfig provider : config.providers().values()) {
      if (provider.install() != null && provider.install().manager().equals("npm")) {
        for (String spec : provider.install().packages()) {
          npm(spec, node);
        }
      }
    }
    String nodeMajor =
        Long.toString(config.build().architectures().values().iterator().next().nodeMajor());
    return ObjectNode.builder()
        .put(
            "runtimes",
            ObjectNode.builder()
                .put("python", "3.12")
                .put("node", nodeMajor)
                .put("npm", "*")
                .put("uv", "*")
                .build())
        .put("python_modules", strings(python))
        .put("node_packages", strings(node))
        .put(
            "system",
            ObjectNode.builder()
                .put("distro", "debian")
                .put("release", "bookworm")
                .put("apt", strings(apt))
                .build())
        .build();
  }

  /** {@code name<sep>version}; without a separator or with an empty side the whole spec floats. */
  private static void split(String spec, String separator, Map<String, String> into) {
    int at = spec.indexOf(separator);
    String name = at < 0 ? "" : spec.substring(0, at);
    String version = at < 0 ? "" : spec.substring(at + separator.length());
    if (name.isEmpty() || version.isEmpty()) {
      into.put(spec, "*");
    } else {
      into.put(name, version);
    }
  }

  /** {@code @scope/name@1.2} splits on the last {@code @}, {@code name@1.2} on the first. */
  private static void npm(String spec, Map<String, String> into) {
    if (spec.startsWith("@")) {
      int at = spec.lastIndexOf('@');
      if (at > 0) {
        into.put(spec.substring(0, at), orFloating(spec.substring(at + 1)));
      } else {
        into.put(spec, "*");
      }
      return;
    }
    int at = spec.indexOf('@');
    if (at < 0) {
      into.put(spec, "*");
    } else {
      into.put(spec.substring(0, at), orFloating(spec.substring(at + 1)));
    }
  }

  private static String orFloating(String version) {
    return version.isEmpty() ? "*" : version;
  }

  private static ObjectNode tools(GuestConfig config, ObjectNode draftTools) {
    ObjectNode.Builder tools = ObjectNode.builder();
    for (ObjectNode.Member member : draftTools.entries()) {
      tools.put(member.key(), member.value());
    }
    for (AiProviderConfig provider : config.providers().values()) {
      if (provider.cli() != null) {
        tools.put(
            provider.cli().key(),
            ObjectNode.builder()
                .put("version", "*")
                .put("required", provider.enabled())
                .put("source", "guest")
                .build());
      }
    }
    return tools.build();
  }

  private static ObjectNode providers(GuestConfig config) {
    ObjectNode.Builder providers = ObjectNode.builder();
    for (AiProviderConfig provider : config.providers().values()) {
      providers.put(
          provider.key(),
          ObjectNode.builder()
              .put("enabled", provider.enabled())
              .put("credential_refs", ArrayNode.ofStrings(provider.apiKey().envVars()))
              .build());
    }
    return providers.build();
  }

  private static ObjectNode mcpServers(GuestConfig config) {
    ObjectNode.Builder servers = ObjectNode.builder();
    for (McpServerConfig server : config.mcpServers().values()) {
      ObjectNode.Builder body =
          ObjectNode.builder().put("enabled", server.enabled()).put("type", server.transport());
      if (server.command() != null) {
        body.put("command", server.command());
      }
      body.put("args", ArrayNode.ofStrings(server.args())).put("env", strings(server.env()));
      if (server.url() != null) {
        body.put("url", server.url());
      }
      body.put("headers", strings(server.headers()));
      servers.put(server.key(), body.build());
    }
    return servers.build();
  }

  private static ObjectNode strings(Map<String, String> values) {
    ObjectNode.Builder out = ObjectNode.builder();
    values.forEach(out::put);
    return out.build();
  }

  private static dev.capsem.core.internal.json.IntegerNode num(long value) {
    return dev.capsem.core.internal.json.IntegerNode.of(value);
  }
}
