package dev.capsem.core.internal.workspace;

import static dev.capsem.core.internal.json.Nodes.bool;
import static dev.capsem.core.internal.json.Nodes.integer;
import static dev.capsem.core.internal.json.Nodes.string;
import static dev.capsem.core.internal.json.Nodes.stringMap;
import static dev.capsem.core.internal.json.Nodes.strings;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.profile.ProfileSecurity;
import dev.capsem.core.internal.profile.SecuritySettings;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.internal.schema.Issue;
import dev.capsem.core.internal.schema.ObjectSchema;
import dev.capsem.core.internal.schema.SchemaPath;
import dev.capsem.core.internal.toml.TomlReader;
import dev.capsem.core.internal.toml.TomlSyntaxException;
import dev.capsem.core.internal.workspace.GuestConfig.AiProviderConfig;
import dev.capsem.core.internal.workspace.GuestConfig.ApiKey;
import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import dev.capsem.core.internal.workspace.GuestConfig.BuildConfig;
import dev.capsem.core.internal.workspace.GuestConfig.ChangelogEntry;
import dev.capsem.core.internal.workspace.GuestConfig.Cli;
import dev.capsem.core.internal.workspace.GuestConfig.FileContent;
import dev.capsem.core.internal.workspace.GuestConfig.ImageManifest;
import dev.capsem.core.internal.workspace.GuestConfig.Install;
import dev.capsem.core.internal.workspace.GuestConfig.McpServerConfig;
import dev.capsem.core.internal.workspace.GuestConfig.PackageNetwork;
import dev.capsem.core.internal.workspace.GuestConfig.PackageSet;
import dev.capsem.core.internal.workspace.GuestConfig.ProviderNetwork;
import dev.capsem.core.internal.workspace.GuestConfig.VmEnvironment;
import dev.capsem.core.internal.workspace.GuestConfig.VmResources;
import dev.capsem.core.internal.workspace.GuestConfig.WebSecurity;
import dev.capsem.core.internal.workspace.GuestConfig.WebService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code <guest>/config}: parses every TOML file (a syntax error is E002, and reading goes
 * on), then validates each expected table on its own. Unlike upstream, which stops at the first bad
 * file, every bad table is reported.
 */
final class GuestConfigLoader {

  /**
   * What loading found: the parsed files, the typed config when everything was valid, and why not.
   */
  record Loaded(Map<String, ConfigFile> files, GuestConfig config, List<Diagnostic> diagnostics) {}

  private static final Set<String> LOADED_FILES =
      Set.of(
          "config/build.toml",
          "config/manifest.toml",
          "config/security/web.toml",
          "config/security/controls.toml",
          "config/vm/resources.toml",
          "config/vm/environment.toml");

  /**
   * One TOML file of a guest config before parsing: its name below the guest folder, and its tree
   * when it is already parsed (the files a workspace derives), else its bytes (null when they could
   * not be read, with the reason).
   */
  record Source(String name, ObjectNode tree, byte[] bytes, String unreadable) {}

  private final List<Source> sources;
  private final Map<String, ConfigFile> files = new LinkedHashMap<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private boolean loadedFileBroken;

  private GuestConfigLoader(List<Source> sources) {
    this.sources = sources;
  }

  static Loaded load(Path guestDir) throws IOException {
    List<Path> tomls;
    try (Stream<Path> walk = Files.walk(guestDir.resolve("config"))) {
      tomls =
          walk.filter(p -> p.getFileName().toString().endsWith(".toml"))
              .filter(Files::isRegularFile)
              .toList();
    }
    List<Source> sources = new ArrayList<>();
    for (Path file : tomls) {
      String name = guestDir.relativize(file).toString().replace('\\', '/');
      try {
        sources.add(new Source(name, null, Files.readAllBytes(file), null));
      } catch (IOException | java.io.UncheckedIOException e) {
        sources.add(new Source(name, null, null, e.getMessage()));
      }
    }
    return load(sources);
  }

  /** The config of files already in memory (a derived workspace), in any order. */
  static Loaded load(List<Source> sources) {
    List<Source> sorted = new ArrayList<>(sources);
    sorted.sort((a, b) -> compareAsPathlib(a.name(), b.name()));
    GuestConfigLoader loader = new GuestConfigLoader(sorted);
    loader.parseAll();
    // As upstream, a broken file that the loader does not read (a stray *.toml) is only E002: the
    // typed loading and every later check still run. A broken file it reads leaves no config.
    GuestConfig config = loader.bind();
    // A provider file named unlike its table (E105) is reported, but the config is still usable.
    boolean valid =
        config != null
            && !loader.loadedFileBroken
            && loader.diagnostics.stream()
                .noneMatch(d -> d.isError() && d.code() != Code.E105 && d.code() != Code.E002);
    return new Loaded(loader.files, valid ? config : null, loader.diagnostics);
  }

  private void parseAll() {
    for (Source source : sources) {
      String name = source.name();
      if (source.tree() != null) {
        files.put(name, new ConfigFile(name, source.tree()));
        continue;
      }
      if (source.bytes() == null) {
        loadedFileBroken |= isLoaded(name);
        diagnostics.add(
            new Diagnostic(
                Code.E002, name, "", null, "Invalid TOML syntax: " + source.unreadable()));
        continue;
      }
      // The first byte that is not UTF-8 is where the error is (ours: upstream names no place).
      Position[] bad = new Position[1];
      String text = InputDocument.utf8(source.bytes(), at -> bad[0] = at);
      if (text == null) {
        loadedFileBroken |= isLoaded(name);
        diagnostics.add(
            new Diagnostic(
                Code.E002, name, "", bad[0], "Invalid TOML syntax: the file is not UTF-8 text"));
        continue;
      }
      try {
        files.put(name, new ConfigFile(name, TomlReader.read(text)));
      } catch (TomlSyntaxException e) {
        loadedFileBroken |= isLoaded(name);
        diagnostics.add(
            new Diagnostic(
                Code.E002, name, "", e.position(), "Invalid TOML syntax: " + e.getMessage()));
      }
    }
  }

  /** Whether the typed loader reads {@code name} (the files of the table in §5.1). */
  private static boolean isLoaded(String name) {
    return LOADED_FILES.contains(name)
        || List.of("config/ai/", "config/packages/", "config/mcp/").stream()
            .anyMatch(dir -> name.startsWith(dir) && name.indexOf('/', dir.length()) < 0);
  }

  /**
   * Python's {@code sorted()} of {@code pathlib} paths compares them part by part, so {@code
   * config/vm/x.toml} comes before {@code config/vm.toml}; a plain string order would not.
   */
  private static int compareAsPathlib(String a, String b) {
    String[] x = a.split("/");
    String[] y = b.split("/");
    int n = Math.min(x.length, y.length);
    for (int i = 0; i < n; i++) {
      int c = x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private GuestConfig bind() {
    ObjectNode build = table("config/build.toml", "build", GuestConfigSchemas.BUILD, true);
    ObjectNode manifest =
        table("config/manifest.toml", "image", GuestConfigSchemas.MANIFEST, false);
    Map<String, AiProviderConfig> providers = new LinkedHashMap<>();
    Map<String, PackageSet> packageSets = new LinkedHashMap<>();
    Map<String, McpServerConfig> servers = new LinkedHashMap<>();
    List<ConfigFile> aiFiles = filesUnder("config/ai/");
    for (ConfigFile file : aiFiles) {
      String stem = stem(file.name());
      for (ObjectNode.Member member : file.tree().entries()) {
        boolean duplicate =
            aiFiles.stream().anyMatch(other -> other != file && other.tree().has(member.key()));
        // A table that another file also defines is a duplicate (E008), not a naming slip.
        if (!member.key().equals(stem) && !duplicate) {
          diagnostics.add(
              new Diagnostic(
                  Code.E105,
                  file.name(),
                  member.key(),
                  member.keyPosition(),
                  "provider table '" + member.key() + "' does not match file name '" + stem + "'"));
        }
        ObjectNode value = validate(file, member, GuestConfigSchemas.AI_PROVIDER);
        if (value != null) {
          providers.put(member.key(), provider(member.key(), file.name(), value));
        }
      }
    }
    for (ConfigFile file : filesUnder("config/packages/")) {
      for (ObjectNode.Member member : file.tree().entries()) {
        ObjectNode value = validate(file, member, GuestConfigSchemas.PACKAGE_SET);
        if (value != null) {
          packageSets.put(member.key(), packageSet(member.key(), file.name(), value));
        }
      }
    }
    for (ConfigFile file : filesUnder("config/mcp/")) {
      for (ObjectNode.Member member : file.tree().entries()) {
        ObjectNode value = validate(file, member, GuestConfigSchemas.MCP_SERVER);
        if (value != null) {
          servers.put(member.key(), mcpServer(member.key(), file.name(), value));
        }
      }
    }
    ObjectNode web = table("config/security/web.toml", "web", GuestConfigSchemas.WEB, false);
    ObjectNode resources =
        table("config/vm/resources.toml", "resources", GuestConfigSchemas.RESOURCES, false);
    ObjectNode environment =
        table("config/vm/environment.toml", "environment", GuestConfigSchemas.ENVIRONMENT, false);
    SecuritySettings controls = controls();
    if (build == null) {
      return null;
    }
    return new GuestConfig(
        buildConfig(build),
        manifest == null ? null : imageManifest(manifest),
        providers,
        packageSets,
        servers,
        webSecurity(web, files.containsKey("config/security/web.toml")),
        vmResources(resources),
        vmEnvironment(environment),
        controls);
  }

  /**
   * Validates {@code [table]} of {@code file}; an absent optional file means the defaults. A file
   * that is there must hold its table, even when it is empty (upstream: a KeyError; ours: E001 at
   * 1:1, as for build.toml and controls.toml). Returns null when the table is invalid or a required
   * file or table is missing.
   */
  private ObjectNode table(String fileName, String table, ObjectSchema schema, boolean required) {
    ConfigFile file = files.get(fileName);
    if (file == null) {
      return required ? null : (ObjectNode) schema.validate(ObjectNode.empty()).value();
    }
    ObjectNode.Member member = file.tree().member(table);
    if (member == null) {
      diagnostics.add(new Diagnostic(Code.E001, fileName, table, Position.START, "Field required"));
      return null;
    }
    return validate(file, member, schema);
  }

  private ObjectNode validate(ConfigFile file, ObjectNode.Member member, ObjectSchema schema) {
    SchemaPath base = SchemaPath.of(member.key());
    dev.capsem.core.internal.schema.Issues issues = new dev.capsem.core.internal.schema.Issues();
    Node value = schema.check(member.value(), base, issues);
    for (Issue issue : issues.all()) {
      Position position = issue.position() != null ? issue.position() : member.keyPosition();
      diagnostics.add(
          new Diagnostic(
              issue.code(), file.name(), issue.path().toString(), position, issue.message()));
    }
    return issues.isEmpty() ? (ObjectNode) value : null;
  }

  private SecuritySettings controls() {
    ConfigFile file = files.get("config/security/controls.toml");
    if (file == null) {
      return null;
    }
    ObjectNode.Member member = file.tree().member("security");
    if (member == null) {
      diagnostics.add(
          new Diagnostic(Code.E001, file.name(), "security", Position.START, "Field required"));
      return null;
    }
    ObjectNode value = validate(file, member, ProfileSecurity.schema());
    return value == null ? null : ProfileSecurity.bind(value);
  }

  private List<ConfigFile> filesUnder(String prefix) {
    return files.values().stream()
        .filter(f -> f.name().startsWith(prefix) && f.name().indexOf('/', prefix.length()) < 0)
        .toList();
  }

  private static String stem(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    return base.substring(0, base.length() - ".toml".length());
  }

  private static BuildConfig buildConfig(ObjectNode b) {
    Map<String, ArchConfig> arches = new LinkedHashMap<>();
    for (ObjectNode.Member m : b.object("architectures").entries()) {
      ObjectNode a = (ObjectNode) m.value();
      arches.put(
          m.key(),
          new ArchConfig(
              string(a, "base_image"),
              string(a, "docker_platform"),
              string(a, "rust_target"),
              string(a, "kernel_branch"),
              string(a, "kernel_image"),
              string(a, "defconfig"),
              integer(a, "node_major")));
    }
    return new BuildConfig(
        string(b, "compression"),
        integer(b, "compression_level"),
        arches,
        stringMap(b, "version_commands"));
  }

  private static ImageManifest imageManifest(ObjectNode m) {
    List<ChangelogEntry> changelog = new ArrayList<>();
    if (m.get("changelog") instanceof dev.capsem.core.internal.json.ArrayNode entries) {
      for (Node entry : entries.items()) {
        ObjectNode e = (ObjectNode) entry;
        changelog.add(
            new ChangelogEntry(string(e, "version"), string(e, "date"), strings(e, "changes")));
      }
    }
    return new ImageManifest(
        string(m, "name"), string(m, "version"), string(m, "description"), changelog);
  }

  private static AiProviderConfig provider(String key, String file, ObjectNode p) {
    ObjectNode apiKey = p.object("api_key");
    ObjectNode network = p.object("network");
    ObjectNode install = p.get("install") instanceof ObjectNode i ? i : null;
    ObjectNode cli = p.get("cli") instanceof ObjectNode c ? c : null;
    Map<String, FileContent> providerFiles = new LinkedHashMap<>();
    for (ObjectNode.Member m : p.object("files").entries()) {
      ObjectNode f = (ObjectNode) m.value();
      providerFiles.put(m.key(), new FileContent(string(f, "path"), string(f, "content")));
    }
    return new AiProviderConfig(
        key,
        file,
        string(p, "name"),
        string(p, "description"),
        bool(p, "enabled"),
        new ApiKey(
            string(apiKey, "name"),
            strings(apiKey, "env_vars"),
            string(apiKey, "prefix"),
            string(apiKey, "docs_url")),
        new ProviderNetwork(
            strings(network, "domains"), bool(network, "allow_get"), bool(network, "allow_post")),
        install == null
            ? null
            : new Install(
                string(install, "manager"),
                string(install, "prefix"),
                strings(install, "packages")),
        cli == null
            ? null
            : new Cli(
                string(cli, "key"),
                string(cli, "name"),
                string(cli, "description"),
                string(cli, "version_command")),
        providerFiles);
  }

  private static PackageSet packageSet(String key, String file, ObjectNode s) {
    ObjectNode network = s.get("network") instanceof ObjectNode n ? n : null;
    String manager = string(s, "manager");
    String installCmd = string(s, "install_cmd");
    return new PackageSet(
        key,
        file,
        string(s, "name"),
        manager,
        installCmd != null ? installCmd : GuestConfigSchemas.DEFAULT_INSTALL_COMMANDS.get(manager),
        installCmd != null,
        strings(s, "packages"),
        stringMap(s, "version_commands"),
        network == null
            ? null
            : new PackageNetwork(
                string(network, "name"), strings(network, "domains"), bool(network, "allow_get")));
  }

  private static McpServerConfig mcpServer(String key, String file, ObjectNode s) {
    return new McpServerConfig(
        key,
        file,
        string(s, "name"),
        string(s, "description"),
        string(s, "transport"),
        string(s, "command"),
        string(s, "url"),
        strings(s, "args"),
        stringMap(s, "env"),
        stringMap(s, "headers"),
        bool(s, "builtin"),
        bool(s, "enabled"));
  }

  private static WebSecurity webSecurity(ObjectNode w, boolean present) {
    if (w == null) {
      return null;
    }
    Map<String, Map<String, WebService>> sections = new LinkedHashMap<>();
    for (String section : List.of("search", "registry", "repository")) {
      Map<String, WebService> services = new LinkedHashMap<>();
      for (ObjectNode.Member m : w.object(section).entries()) {
        ObjectNode s = (ObjectNode) m.value();
        services.put(
            m.key(),
            new WebService(
                string(s, "name"),
                bool(s, "enabled"),
                strings(s, "domains"),
                bool(s, "allow_get"),
                bool(s, "allow_post")));
      }
      sections.put(section, services);
    }
    return new WebSecurity(
        present,
        bool(w, "allow_read"),
        bool(w, "allow_write"),
        strings(w, "custom_allow"),
        strings(w, "custom_block"),
        sections);
  }

  private static VmResources vmResources(ObjectNode r) {
    if (r == null) {
      return null;
    }
    return new VmResources(
        integer(r, "cpu_count"),
        integer(r, "ram_gb"),
        integer(r, "scratch_disk_size_gb"),
        bool(r, "log_bodies"),
        integer(r, "max_body_capture"),
        integer(r, "retention_days"),
        integer(r, "max_sessions"),
        integer(r, "min_content_sessions"),
        integer(r, "max_disk_gb"),
        integer(r, "terminated_retention_days"));
  }

  private static VmEnvironment vmEnvironment(ObjectNode e) {
    if (e == null) {
      return null;
    }
    ObjectNode shell = e.object("shell");
    return new VmEnvironment(
        string(shell, "term"),
        string(shell, "home"),
        string(shell, "path"),
        string(shell, "lang"),
        fileContent(shell, "bashrc"),
        fileContent(shell, "tmux_conf"),
        string(e.object("tls"), "ca_bundle"));
  }

  private static FileContent fileContent(ObjectNode parent, String key) {
    return parent.get(key) instanceof ObjectNode f
        ? new FileContent(string(f, "path"), string(f, "content"))
        : null;
  }
}
