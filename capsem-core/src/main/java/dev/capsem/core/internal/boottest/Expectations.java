package dev.capsem.core.internal.boottest;

import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ToolContract;
import dev.capsem.core.internal.tar.TarWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the guest's diagnostics compare the image with, from the profile (never baked into the
 * rootfs): the files the kit's {@code run-checks --expect} reads, one item per line, fields
 * separated by a tab, packed as a tar the guest unpacks from its expectations disk.
 *
 * <p>Versions follow {@code image verify}'s default rule ({@code *} takes any, otherwise equal
 * strings). A version range ({@code >=1.2}, {@code ^1.2}, {@code ~=2.3}, ...) cannot be judged by a
 * shell in the guest: such an item is sent as {@code *} and listed in {@link #ranges()}, so the
 * report says which promises only {@code image verify --version-match ranges} checks.
 */
record Expectations(Map<String, byte[]> files, List<String> ranges) {

  /** The version commands the build's workspace declares ({@code config/build.toml}). */
  static final Map<String, String> BUILD_VERSION_COMMANDS =
      Map.of(
          "capsem_doctor", "capsem-doctor --version",
          "node", "node --version 2>&1 | tr -d v",
          "npm", "npm --version 2>&1",
          "uv", "uv --version 2>&1 | awk '{print $2}'",
          "pip", "pip3 --version 2>&1 | awk '{print $2}'");

  static final String DEFAULT_NPM_PREFIX = "/opt/ai-clis";

  Expectations {
    files = new LinkedHashMap<>(files);
    ranges = List.copyOf(ranges);
  }

  /**
   * The expectations of {@code profile}.
   *
   * @param versionCommands a tool's version command by name (the workspace's; others default to
   *     {@link #BUILD_VERSION_COMMANDS}, then {@code <name> --version})
   * @param agents the guest agents the image was built with
   * @param caPem the CA the image must trust, or null
   */
  static Expectations of(
      Profile profile,
      Map<String, String> versionCommands,
      List<String> agents,
      byte[] caPem,
      String npmPrefix) {
    StringBuilder packages = new StringBuilder();
    java.util.ArrayList<String> ranges = new java.util.ArrayList<>();
    packages(packages, ranges, "apt", profile.packages().apt());
    packages(packages, ranges, "python", profile.packages().pythonModules());
    packages(packages, ranges, "node", profile.packages().nodePackages());
    StringBuilder tools = new StringBuilder();
    for (Map.Entry<String, ToolContract> tool : new TreeMap<>(profile.tools()).entrySet()) {
      if (!tool.getValue().required()) {
        continue;
      }
      String name = tool.getKey();
      String command = versionCommands.get(name);
      if (command == null) {
        command = BUILD_VERSION_COMMANDS.getOrDefault(name, name + " --version");
      }
      String version = checked(ranges, "tool/" + name, tool.getValue().version());
      tools.append(field(name)).append('\t').append(field(version)).append('\t');
      tools.append(field(command)).append('\n');
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("packages.tsv", utf8(packages));
    files.put("tools.tsv", utf8(tools));
    StringBuilder agentLines = new StringBuilder();
    agents.forEach(agent -> agentLines.append(field(agent)).append('\n'));
    files.put("agents.txt", utf8(agentLines));
    files.put(
        "settings.env",
        utf8(
            new StringBuilder("npm_prefix=")
                .append(field(npmPrefix == null ? DEFAULT_NPM_PREFIX : npmPrefix))
                .append("\nprofile=")
                .append(field(profile.reference()))
                .append('\n')));
    if (caPem != null) {
      files.put("ca.pem", caPem.clone());
    }
    return new Expectations(files, ranges);
  }

  /** The tar the guest unpacks. */
  byte[] tar() {
    return TarWriter.archive(files);
  }

  private static void packages(
      StringBuilder out, List<String> ranges, String kind, Map<String, String> packages) {
    for (Map.Entry<String, String> item : new TreeMap<>(packages).entrySet()) {
      String version = checked(ranges, kind + "/" + item.getKey(), item.getValue());
      out.append(kind).append('\t').append(field(item.getKey())).append('\t');
      out.append(field(version)).append('\n');
    }
  }

  /** The version the guest compares with: a range is recorded and sent as {@code *}. */
  private static String checked(List<String> ranges, String what, String version) {
    String trimmed = version.strip();
    if (!trimmed.isEmpty() && "<>=!~^".indexOf(trimmed.charAt(0)) >= 0) {
      ranges.add(what + " " + trimmed);
      return "*";
    }
    return version;
  }

  /** A field without the separators of the line format (a tab or newline would split it). */
  private static String field(String value) {
    return value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  private static byte[] utf8(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
