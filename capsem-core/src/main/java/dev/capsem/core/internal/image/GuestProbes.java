package dev.capsem.core.internal.image;

import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.workspace.GuestConfig;
import dev.capsem.core.internal.workspace.GuestConfig.AiProviderConfig;
import dev.capsem.core.internal.workspace.GuestConfig.PackageSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What runs inside a built rootfs image to describe it: the {@code tool-versions.txt} script and
 * the {@code image-inventory.json} collector ({@code capsem.image-inventory.v1}).
 */
final class GuestProbes {

  static final String INVENTORY_SCHEMA = "capsem.image-inventory.v1";
  static final String DOCTOR_VERSION_COMMAND = "capsem-doctor --version";

  /** Collects packages and tool versions; its only argument is the JSON configuration. */
  static final String INVENTORY_SCRIPT =
      String.join(
          "\n",
          "import json, shlex, subprocess, sys",
          "config = json.loads(sys.argv[1])",
          "def shell(command):",
          "    done = subprocess.run(['bash', '-o', 'pipefail', '-c', command],",
          "                          capture_output=True, text=True)",
          "    return done.returncode, done.stdout",
          "def first_line(text):",
          "    for line in text.splitlines():",
          "        if line.strip():",
          "            return line.strip()",
          "    return ''",
          "apt = {}",
          "code, out = shell(\"dpkg-query -W -f='${db:Status-Abbrev}\\\\t${Package}\\\\t${Version}\\\\n'\")",
          "if code == 0:",
          "    for line in out.splitlines():",
          "        parts = line.split('\\t')",
          "        if len(parts) == 3 and parts[0].startswith('ii') and parts[2]:",
          "            apt[parts[1]] = parts[2]",
          "python_modules = {}",
          "done = subprocess.run([sys.executable, '-m', 'pip', 'list', '--format=json'],",
          "                      capture_output=True, text=True)",
          "if done.returncode == 0:",
          "    for item in json.loads(done.stdout or '[]'):",
          "        if item.get('name') and item.get('version'):",
          "            python_modules[item['name'].lower()] = item['version']",
          "node_packages = {}",
          "code, out = shell('npm ls -g --depth=0 --json --prefix ' + shlex.quote(config['npm_prefix']))",
          "if code == 0:",
          "    try:",
          "        for name, info in (json.loads(out).get('dependencies') or {}).items():",
          "            if isinstance(info, dict) and info.get('version'):",
          "                node_packages[name] = info['version']",
          "    except ValueError:",
          "        node_packages = {}",
          "tools = {}",
          "for key, command in sorted(config['version_commands'].items()):",
          "    code, out = shell(command)",
          "    tools[key] = (first_line(out) if code == 0 else '') or 'N/A'",
          "print(json.dumps({'schema': '" + INVENTORY_SCHEMA + "', 'apt': apt,",
          "                  'python_modules': python_modules, 'node_packages': node_packages,",
          "                  'tools': tools}, sort_keys=True))",
          "");

  private GuestProbes() {}

  /** Enabled providers whose CLI has a version command, in workspace order. */
  static Map<String, String> aiCliCommands(GuestConfig config) {
    Map<String, String> out = new LinkedHashMap<>();
    for (AiProviderConfig provider : config.providers().values()) {
      if (provider.enabled() && provider.cli() != null && provider.cli().versionCommand() != null) {
        out.put(provider.cli().key(), provider.cli().versionCommand());
      }
    }
    return out;
  }

  /**
   * The bash script whose output is {@code tool-versions.txt}: {@code # System}, {@code # Python}
   * and {@code # AI CLIs} sections of {@code key=version} lines ({@code N/A} when a command fails
   * or prints nothing). Empty when there is nothing to ask.
   */
  static String toolVersionsScript(GuestConfig config) {
    Map<String, String> system = new LinkedHashMap<>(config.build().versionCommands());
    Map<String, String> python = new LinkedHashMap<>();
    for (PackageSet set : config.packageSets().values()) {
      if (set.manager().equals("uv") || set.manager().equals("pip")) {
        python.putAll(set.versionCommands());
      } else {
        system.putAll(set.versionCommands());
      }
    }
    Map<String, String> ai = aiCliCommands(config);
    if (system.isEmpty() && python.isEmpty() && ai.isEmpty()) {
      return "";
    }
    StringBuilder script =
        new StringBuilder()
            .append("capsem_version() {\n")
            .append("  local out\n")
            .append("  if out=$(bash -o pipefail -c \"$2\" 2>/dev/null)")
            .append(" && out=$(printf '%s\\n' \"$out\" | sed -n '/[^[:space:]]/{p;q;}')")
            .append(" && [ -n \"$out\" ]; then\n")
            .append(
                "    printf '%s=%s\\n' \"$1\" \"$(printf '%s' \"$out\" | sed 's/^[[:space:]]*//;s/[[:space:]]*$//')\"\n")
            .append("  else\n")
            .append("    printf '%s=N/A\\n' \"$1\"\n")
            .append("  fi\n")
            .append("}\n");
    section(script, "# System", system);
    section(script, "# Python", python);
    section(script, "# AI CLIs", ai);
    return script.toString();
  }

  private static void section(StringBuilder script, String header, Map<String, String> commands) {
    if (commands.isEmpty()) {
      return;
    }
    script.append("echo ").append(Shell.quote(header)).append('\n');
    commands.forEach(
        (key, command) ->
            script
                .append("capsem_version ")
                .append(Shell.quote(key))
                .append(' ')
                .append(Shell.quote(command))
                .append('\n'));
  }

  /** The enabled AI CLIs that reported no version: the build fails on them, as upstream's does. */
  static List<String> missingAiVersions(String toolVersions, GuestConfig config) {
    Map<String, String> reported = new LinkedHashMap<>();
    for (String line : toolVersions.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        reported.put(line.substring(0, eq), line.substring(eq + 1).strip());
      }
    }
    List<String> missing = new ArrayList<>();
    for (String key : aiCliCommands(config).keySet()) {
      String version = reported.get(key);
      if (version == null || version.isEmpty() || version.equals("N/A")) {
        missing.add(key);
      }
    }
    return missing;
  }

  /** The inventory's configuration: the npm prefix and every version command, by key. */
  static String inventoryConfig(GuestConfig config, String npmPrefix) {
    TreeMap<String, String> commands = new TreeMap<>();
    commands.put("capsem_doctor", DOCTOR_VERSION_COMMAND);
    commands.putAll(config.build().versionCommands());
    for (PackageSet set : config.packageSets().values()) {
      commands.putAll(set.versionCommands());
    }
    commands.putAll(aiCliCommands(config));
    ObjectNode.Builder versions = ObjectNode.builder();
    commands.forEach(versions::put);
    return JsonPrinter.compact()
        .print(
            ObjectNode.builder()
                .put("npm_prefix", npmPrefix)
                .put("version_commands", versions.build())
                .build());
  }

  /**
   * Validates what the inventory script printed and rewrites it as upstream does: indented, keys
   * {@code schema, apt, python_modules, node_packages, tools}, maps sorted, no trailing newline.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static String inventoryDocument(String printed) {
    Node parsed;
    try {
      parsed = JsonReader.read(printed.strip(), JsonDialect.PYTHON);
    } catch (JsonSyntaxException e) {
      throw new IllegalArgumentException("the inventory script printed no JSON: " + e.getMessage());
    }
    if (!(parsed instanceof ObjectNode object)) {
      throw new IllegalArgumentException("the inventory is not a JSON object");
    }
    List<String> sections = List.of("apt", "python_modules", "node_packages", "tools");
    for (String key : object.keys()) {
      if (!key.equals("schema") && !sections.contains(key)) {
        throw new IllegalArgumentException("inventory: unknown field '" + key + "'");
      }
    }
    if (object.has("schema") && !INVENTORY_SCHEMA.equals(object.string("schema"))) {
      throw new IllegalArgumentException("inventory: schema must be " + INVENTORY_SCHEMA);
    }
    ObjectNode.Builder out = ObjectNode.builder().put("schema", INVENTORY_SCHEMA);
    for (String section : sections) {
      TreeMap<String, String> sorted = new TreeMap<>();
      for (ObjectNode.Member member : object.object(section).entries()) {
        if (!(member.value() instanceof StringNode version) || version.value().isEmpty()) {
          throw new IllegalArgumentException(
              "inventory: " + section + "." + member.key() + " has no version");
        }
        sorted.put(member.key(), version.value());
      }
      ObjectNode.Builder map = ObjectNode.builder();
      sorted.forEach(map::put);
      out.put(section, map.build());
    }
    return JsonPrinter.pretty().print(out.build());
  }
}
