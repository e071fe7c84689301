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
public final class GuestProbes {

  static final String INVENTORY_SCHEMA = "capsem.image-inventory.v1";
  static final String DOCTOR_VERSION_COMMAND = "capsem-doctor --version";

  /**
   * Collects packages and tool versions; its only argument is the JSON configuration. Python's
   * distributions come from {@code pip list}, or, in an image without pip, from the interpreter's
   * own metadata (the same search pip makes; the first on the path wins, as in pip): the rootfs
   * holds them either way, and the verification compares both ways.
   */
  public static final String INVENTORY_SCRIPT =
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
          "    found = [(i.get('name'), i.get('version')) for i in json.loads(done.stdout or '[]')]",
          "else:",
          "    import importlib.metadata",
          "    found = [(d.metadata['Name'], d.version) for d in importlib.metadata.distributions()]",
          "for name, version in found:",
          "    if name and version:",
          "        python_modules.setdefault(name.lower(), version)",
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

  static final String HASHES_SCHEMA = "capsem.package-hashes.v1";

  /**
   * Collects what the ecosystems vouch for the installed bytes with, for the lock: each Debian
   * package's {@code .deb} SHA256 from the archive's index ({@code apt-cache show}, after an {@code
   * apt-get update} over plain http as the build itself used, since the image has dropped its
   * lists) and each global npm package's integrity from npm's hidden lockfile. Its only argument is
   * the inventory's configuration (the npm prefix). Runs in a throwaway container, so the image
   * keeps none of it; what it cannot get is named in {@code notes}.
   */
  static final String HASHES_SCRIPT =
      String.join(
          "\n",
          "import json, os, subprocess, sys",
          "config = json.loads(sys.argv[1])",
          "out = {'schema': '" + HASHES_SCHEMA + "', 'apt': {}, 'npm': {}, 'notes': []}",
          "sources = '/etc/apt/sources.list.d/debian.sources'",
          "if os.path.exists(sources):",
          "    with open(sources) as f:",
          "        text = f.read()",
          "    with open(sources, 'w') as f:",
          "        f.write(text.replace('URIs: https://', 'URIs: http://'))",
          "update = subprocess.run(['apt-get', 'update', '-qq', '-o', 'Acquire::Check-Valid-Until=false',",
          "                         '-o', 'Acquire::Check-Date=false'], capture_output=True, text=True)",
          "if update.returncode != 0:",
          "    lines = update.stderr.strip().splitlines()",
          "    out['notes'].append('apt hashes not recorded: apt-get update failed'",
          "                        + (': ' + lines[-1] if lines else ''))",
          "else:",
          "    query = subprocess.run(['dpkg-query', '-W',",
          "                            '-f=${db:Status-Abbrev}\\t${Package}\\t${Version}\\n'],",
          "                           capture_output=True, text=True)",
          "    installed = {}",
          "    for line in query.stdout.splitlines():",
          "        parts = line.split('\\t')",
          "        if len(parts) == 3 and parts[0].startswith('ii') and parts[2]:",
          "            installed[parts[1]] = parts[2]",
          "    specs = [name + '=' + version for name, version in sorted(installed.items())]",
          "    for i in range(0, len(specs), 200):",
          "        show = subprocess.run(['apt-cache', 'show', '--no-all-versions'] + specs[i:i + 200],",
          "                              capture_output=True, text=True)",
          "        record = {}",
          "        for line in show.stdout.splitlines() + ['']:",
          "            if not line.strip():",
          "                name = record.get('Package')",
          "                if name and record.get('SHA256') and installed.get(name) == record.get('Version'):",
          "                    out['apt'][name] = {'version': record['Version'], 'sha256': record['SHA256']}",
          "                record = {}",
          "            elif ':' in line and not line[0].isspace():",
          "                key, value = line.split(':', 1)",
          "                record[key] = value.strip()",
          "    missing = sorted(set(installed) - set(out['apt']))",
          "    if missing:",
          "        out['notes'].append('no archive hash for ' + str(len(missing)) + ' installed apt packages: '",
          "                            + ', '.join(missing[:10]) + (', ...' if len(missing) > 10 else ''))",
          "hidden = os.path.join(config['npm_prefix'], 'lib', 'node_modules', '.package-lock.json')",
          "if os.path.exists(hidden):",
          "    with open(hidden) as f:",
          "        packages = json.load(f).get('packages') or {}",
          "    for path, info in packages.items():",
          "        name = path[len('node_modules/'):]",
          "        if path.startswith('node_modules/') and '/node_modules/' not in name \\",
          "                and isinstance(info, dict) and info.get('integrity') and info.get('version'):",
          "            out['npm'][name] = {'version': info['version'], 'integrity': info['integrity']}",
          "print(json.dumps(out, sort_keys=True))",
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
  public static String inventoryDocument(String printed) {
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

  /** The package hashes' file text, and the notes about what it lacks. */
  record Hashes(String json, List<String> notes) {
    Hashes {
      notes = List.copyOf(notes);
    }
  }

  /**
   * Checks what the hashes script printed and rewrites it ({@code capsem.package-hashes.v1}):
   * indented, maps sorted, each entry {@code {version, sha256|integrity}}, one trailing newline.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static Hashes hashesDocument(String printed) {
    Node parsed;
    try {
      parsed = JsonReader.read(printed.strip(), JsonDialect.PYTHON);
    } catch (JsonSyntaxException e) {
      throw new IllegalArgumentException("the hashes script printed no JSON: " + e.getMessage());
    }
    if (!(parsed instanceof ObjectNode object) || !HASHES_SCHEMA.equals(object.string("schema"))) {
      throw new IllegalArgumentException("not a " + HASHES_SCHEMA + " document");
    }
    ObjectNode.Builder out = ObjectNode.builder().put("schema", HASHES_SCHEMA);
    for (String[] section : new String[][] {{"apt", "sha256"}, {"npm", "integrity"}}) {
      TreeMap<String, ObjectNode> sorted = new TreeMap<>();
      for (ObjectNode.Member member : object.object(section[0]).entries()) {
        if (!(member.value() instanceof ObjectNode entry)
            || entry.string("version") == null
            || entry.string(section[1]) == null) {
          throw new IllegalArgumentException(section[0] + "." + member.key() + " is incomplete");
        }
        sorted.put(
            member.key(),
            ObjectNode.builder()
                .put("version", entry.string("version"))
                .put(section[1], entry.string(section[1]))
                .build());
      }
      ObjectNode.Builder map = ObjectNode.builder();
      sorted.forEach(map::put);
      out.put(section[0], map.build());
    }
    List<String> notes = new ArrayList<>();
    if (object.get("notes") instanceof dev.capsem.core.internal.json.ArrayNode array) {
      for (Node note : array.items()) {
        if (note instanceof StringNode text) {
          notes.add(text.value());
        }
      }
    }
    return new Hashes(JsonPrinter.pretty().printLine(out.build()), notes);
  }
}
