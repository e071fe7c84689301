package dev.capsem.core.internal.workspace;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.enforcement.ConditionCompiler;
import dev.capsem.core.internal.enforcement.NpmRegistryProbe;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.secrets.SecretScanner;
import dev.capsem.core.internal.workspace.GuestConfig.AiProviderConfig;
import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import dev.capsem.core.internal.workspace.GuestConfig.FileContent;
import dev.capsem.core.internal.workspace.GuestConfig.PackageSet;
import dev.capsem.core.internal.workspace.GuestConfig.WebService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Lints a guest-config directory (upstream's {@code capsem-builder validate}): every upstream
 * check, under the codes of our catalogue, with positions in the TOML files.
 */
public final class WorkspaceLinter {

  private static final Pattern SCHEME = Pattern.compile("^https?://");
  // Python's \d in a str pattern is any Unicode decimal digit.
  private static final Pattern PORT = Pattern.compile(":\\p{Nd}+");
  private static final Set<String> BROAD_TLDS =
      Set.of("com", "net", "org", "io", "dev", "co", "us", "uk", "eu", "app");
  private static final Set<String> PLACEHOLDERS =
      Set.of("todo", "fixme", "changeme", "replace_me", "xxx");
  private static final Set<String> MUSL_TARGETS =
      Set.of("aarch64-unknown-linux-musl", "x86_64-unknown-linux-musl");
  private static final String WEB_FILE = "config/security/web.toml";
  private static final String ENVIRONMENT_FILE = "config/vm/environment.toml";

  private final List<Diagnostic> found = new ArrayList<>();
  private Map<String, ConfigFile> files = Map.of();

  private WorkspaceLinter() {}

  /**
   * Lints {@code guestDir}. {@code guestAsGiven} is how the user named it (it prefixes the paths of
   * missing directories, as upstream does); {@code artifactsDir} may be null.
   */
  public static WorkspaceLint lint(
      Path guestDir, String guestAsGiven, Path artifactsDir, String artifactsAsGiven)
      throws IOException {
    WorkspaceLinter linter = new WorkspaceLinter();
    GuestConfig config = linter.run(guestDir, guestAsGiven, artifactsDir, artifactsAsGiven);
    return new WorkspaceLint(linter.found, config);
  }

  private GuestConfig run(
      Path guestDir, String guestAsGiven, Path artifactsDir, String artifactsAsGiven)
      throws IOException {
    if (!Files.isDirectory(guestDir.resolve("config"))) {
      found.add(at(Code.E016, asPathlib(guestAsGiven, "config"), null, "Missing config directory"));
      return null;
    }
    if (!Files.isRegularFile(guestDir.resolve("config/build.toml"))) {
      found.add(
          at(
              Code.E016,
              asPathlib(guestAsGiven, "config/build.toml"),
              null,
              "Missing required file: build.toml"));
      return null;
    }
    GuestConfigLoader.Loaded loaded = GuestConfigLoader.load(guestDir);
    files = loaded.files();
    found.addAll(loaded.diagnostics());
    GuestConfig config = loaded.config();
    if (config == null) {
      return null;
    }
    domains(config);
    duplicateKeys();
    providerFiles(config);
    defconfigs(guestDir, config);
    if (artifactsDir != null) {
      artifacts(
          artifactsDir, artifactsAsGiven != null ? artifactsAsGiven : artifactsDir.toString());
    }
    packageSets(config);
    npmRegistry(config);
    secrets();
    webPolicy(config);
    broadWildcards(config);
    sharedEnvVars(config);
    placeholders(config);
    environment(config);
    rustTargets(config);
    cliVersionCommands(config);
    return config;
  }

  // Errors.

  private void domains(GuestConfig config) {
    for (AiProviderConfig provider : config.providers().values()) {
      List<String> domains = provider.network().domains();
      for (int i = 0; i < domains.size(); i++) {
        if (invalidDomain(domains.get(i))) {
          found.add(
              at(
                  Code.E006,
                  provider.file(),
                  position(
                      provider.file(), provider.key(), "network", "domains", Integer.toString(i)),
                  "Invalid domain pattern '"
                      + domains.get(i)
                      + "' in ai."
                      + provider.key()
                      + ".network.domains"));
        }
      }
    }
    forEachWebService(
        (section, key, service) -> {
          for (int i = 0; i < service.domains().size(); i++) {
            String domain = service.domains().get(i);
            if (invalidDomain(domain)) {
              found.add(
                  at(
                      Code.E006,
                      WEB_FILE,
                      position(WEB_FILE, "web", section, key, "domains", Integer.toString(i)),
                      "Invalid domain pattern '"
                          + domain
                          + "' in web."
                          + section
                          + "."
                          + key
                          + ".domains"));
            }
          }
        },
        config);
  }

  private static boolean invalidDomain(String domain) {
    return pythonStrip(domain).isEmpty()
        || SCHEME.matcher(domain).find()
        || domain.contains("/")
        || PORT.matcher(domain).find();
  }

  private void duplicateKeys() {
    for (String[] group :
        List.of(
            new String[] {"config/ai/", "AI provider"},
            new String[] {"config/mcp/", "MCP server"},
            new String[] {"config/packages/", "package set"})) {
      Map<String, String> firstFile = new LinkedHashMap<>();
      for (ConfigFile file : files.values()) {
        if (!file.name().startsWith(group[0]) || file.name().indexOf('/', group[0].length()) >= 0) {
          continue;
        }
        for (ObjectNode.Member member : file.tree().entries()) {
          String first = firstFile.putIfAbsent(member.key(), file.name());
          if (first != null) {
            found.add(
                at(
                    Code.E008,
                    file.name(),
                    member.keyPosition(),
                    "Duplicate "
                        + group[1]
                        + " key '"
                        + member.key()
                        + "' (first defined in "
                        + first.substring(first.lastIndexOf('/') + 1)
                        + ")"));
          }
        }
      }
    }
  }

  private void providerFiles(GuestConfig config) {
    for (AiProviderConfig provider : config.providers().values()) {
      for (Map.Entry<String, FileContent> entry : provider.files().entrySet()) {
        String where = "ai." + provider.key() + ".files." + entry.getKey();
        FileContent file = entry.getValue();
        if (!file.path().startsWith("/")) {
          found.add(
              at(
                  Code.E009,
                  provider.file(),
                  position(provider.file(), provider.key(), "files", entry.getKey(), "path"),
                  "File path must be absolute: '" + file.path() + "' in " + where));
        }
        // Upstream skips only empty content: whitespace alone is invalid JSON.
        if (file.path().endsWith(".json") && !file.content().isEmpty()) {
          try {
            JsonReader.read(file.content(), JsonDialect.PYTHON);
          } catch (JsonSyntaxException e) {
            found.add(
                at(
                    e.code() == Code.E572 ? Code.E572 : Code.E010,
                    provider.file(),
                    position(provider.file(), provider.key(), "files", entry.getKey(), "content"),
                    "Invalid JSON in " + where + ": " + e.getMessage()));
          }
        }
      }
    }
  }

  /** Ours reports E304 at the declaration in build.toml, so that the line is one to edit. */
  private void defconfigs(Path guestDir, GuestConfig config) {
    for (Map.Entry<String, ArchConfig> arch : config.build().architectures().entrySet()) {
      String defconfig = arch.getValue().defconfig();
      String base = defconfig.substring(defconfig.lastIndexOf('/') + 1);
      // Upstream tests existence only, here and for the artifact files.
      if (!Files.exists(guestDir.resolve("config/kernel").resolve(base))) {
        found.add(
            at(
                Code.E304,
                "config/build.toml",
                position("config/build.toml", "build", "architectures", arch.getKey(), "defconfig"),
                "Missing kernel defconfig for " + arch.getKey() + ": " + defconfig));
      }
    }
  }

  private void artifacts(Path artifactsDir, String asGiven) {
    if (!Files.exists(artifactsDir.resolve("capsem-ca.crt"))) {
      found.add(
          at(
              Code.E301,
              asPathlib(asGiven, "capsem-ca.crt"),
              null,
              "Missing CA certificate: capsem-ca.crt"));
    }
    for (String name : GuestArtifacts.FILES) {
      if (!Files.exists(artifactsDir.resolve(name))) {
        found.add(
            at(Code.E302, asPathlib(asGiven, name), null, "Missing required artifact: " + name));
      }
    }
    for (String name : GuestArtifacts.DIRECTORIES) {
      if (!Files.isDirectory(artifactsDir.resolve(name))) {
        found.add(
            at(Code.E302, asPathlib(asGiven, name), null, "Missing required directory: " + name));
      }
    }
  }

  // Warnings.

  /**
   * W001 for a profile-derived workspace (it has {@code security/controls.toml}) that installs npm
   * packages although its HTTP policy would not let the build reach the npm registry; one warning
   * per file that declares npm packages. Registry entries of a legacy {@code security/web.toml}
   * that cover the registry count as a permit too.
   */
  private void npmRegistry(GuestConfig config) {
    if (config.controls() == null) {
      return;
    }
    List<Diagnostic> warnings = new ArrayList<>();
    for (AiProviderConfig provider : config.providers().values()) {
      if (provider.install() != null
          && provider.install().manager().equals("npm")
          && !provider.install().packages().isEmpty()) {
        warnings.add(
            new Diagnostic(
                Code.W001,
                provider.file(),
                provider.key() + ".install",
                position(provider.file(), provider.key(), "install", "manager"),
                NpmRegistryProbe.MESSAGE));
      }
    }
    for (PackageSet set : config.packageSets().values()) {
      if (set.manager().equals("npm") && !set.packages().isEmpty()) {
        warnings.add(
            new Diagnostic(
                Code.W001,
                set.file(),
                set.key() + ".manager",
                position(set.file(), set.key(), "manager"),
                NpmRegistryProbe.MESSAGE));
      }
    }
    if (warnings.isEmpty()
        || legacyRegistryPermitsNpm(config)
        || NpmRegistryProbe.permitsRegistry(config.controls(), new ConditionCompiler())) {
      return;
    }
    found.addAll(warnings);
  }

  private static boolean legacyRegistryPermitsNpm(GuestConfig config) {
    if (config.web() == null || !config.web().present()) {
      return false;
    }
    for (WebService service : config.web().sections().get("registry").values()) {
      if (service.enabled()
          && service.allowGet()
          && service.domains().stream()
              .anyMatch(domain -> domainCovers(domain, NpmRegistryProbe.REGISTRY_HOST))) {
        return true;
      }
    }
    return false;
  }

  private static boolean domainCovers(String pattern, String host) {
    String p = pattern.toLowerCase(Locale.ROOT);
    return p.equals(host) || (p.startsWith("*.") && host.endsWith(p.substring(1)));
  }

  private void packageSets(GuestConfig config) {
    boolean profileDerived = files.containsKey("config/security/controls.toml");
    boolean registry =
        config.web() != null
            && config.web().present()
            && !config.web().sections().get("registry").isEmpty();
    if (!config.packageSets().isEmpty() && !registry && !profileDerived) {
      found.add(
          at(
              Code.W014,
              WEB_FILE,
              files.containsKey(WEB_FILE) ? position(WEB_FILE, "web") : null,
              "Package sets configured but no package registry in web security"));
    }
    for (PackageSet set : config.packageSets().values()) {
      for (int i = 0; i < set.packages().size(); i++) {
        String name = set.packages().get(i);
        if (name.endsWith("-dev") || name.endsWith("-devel")) {
          found.add(
              at(
                  Code.W002,
                  set.file(),
                  position(set.file(), set.key(), "packages", Integer.toString(i)),
                  "Package '" + name + "' looks like a development package in " + set.key()));
        }
      }
      if (set.network() == null) {
        found.add(
            at(
                Code.W004,
                set.file(),
                keyPosition(set.file(), set.key()),
                "Package set '"
                    + set.key()
                    + "' has no network config (can't download at build time)"));
      }
      if (set.installCmdGiven()
          && set.installCmd().chars().anyMatch(c -> ";|&`$()".indexOf(c) >= 0)) {
        found.add(
            at(
                Code.W009,
                set.file(),
                position(set.file(), set.key(), "install_cmd"),
                "Shell metacharacters in install_cmd for " + set.key()));
      }
    }
  }

  /** Ours scans every string of every file, not only file contents, headers and env values. */
  private void secrets() {
    for (ConfigFile file : files.values()) {
      scan(file, file.tree(), new ArrayList<>());
    }
  }

  private void scan(ConfigFile file, Node node, List<String> path) {
    if (node instanceof StringNode string) {
      SecretScanner.find(string.value())
          .ifPresent(
              redacted ->
                  found.add(
                      at(
                          Code.W005,
                          file.name(),
                          node.position(),
                          "Potential secret in "
                              + secretLocation(file.name(), path)
                              + " ("
                              + redacted
                              + ")")));
    } else if (node instanceof ObjectNode object) {
      for (ObjectNode.Member member : object.entries()) {
        path.add(member.key());
        scan(file, member.value(), path);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof dev.capsem.core.internal.json.ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        path.add(Integer.toString(i));
        scan(file, array.get(i), path);
        path.remove(path.size() - 1);
      }
    }
  }

  /** Upstream's wording where upstream checks the same value; the dotted location elsewhere. */
  private static String secretLocation(String file, List<String> path) {
    String dotted = String.join(".", path);
    if (file.equals(ENVIRONMENT_FILE)) {
      if (dotted.equals("environment.shell.bashrc.content")) {
        return "shell bashrc content";
      }
      if (dotted.equals("environment.shell.tmux_conf.content")) {
        return "shell tmux_conf content";
      }
    }
    if (file.startsWith("config/ai/")) {
      return "ai." + dotted;
    }
    if (file.startsWith("config/mcp/")) {
      return "mcp." + dotted;
    }
    return dotted;
  }

  private void webPolicy(GuestConfig config) {
    if (config.web() == null || !config.web().present()) {
      return;
    }
    TreeSet<String> both = new TreeSet<>(config.web().customAllow());
    both.retainAll(config.web().customBlock());
    if (!both.isEmpty()) {
      found.add(
          at(
              Code.W015,
              WEB_FILE,
              position(WEB_FILE, "web", "custom_block"),
              "Domains in both allow and block lists: " + String.join(", ", both)));
    }
    if (config.web().allowRead()
        && config.web().allowWrite()
        && config.web().customBlock().isEmpty()) {
      found.add(
          at(
              Code.W011,
              WEB_FILE,
              position(WEB_FILE, "web"),
              "Network policy is wide open: allow_read and allow_write both true with no block list"));
    }
  }

  private void broadWildcards(GuestConfig config) {
    for (AiProviderConfig provider : config.providers().values()) {
      List<String> domains = provider.network().domains();
      for (int i = 0; i < domains.size(); i++) {
        if (broad(domains.get(i))) {
          found.add(
              at(
                  Code.W007,
                  provider.file(),
                  position(
                      provider.file(), provider.key(), "network", "domains", Integer.toString(i)),
                  "Overly broad wildcard domain '" + domains.get(i) + "' in ai." + provider.key()));
        }
      }
    }
    if (config.web() != null && config.web().present()) {
      List<String> allow = config.web().customAllow();
      for (int i = 0; i < allow.size(); i++) {
        if (broad(allow.get(i))) {
          found.add(
              at(
                  Code.W007,
                  WEB_FILE,
                  position(WEB_FILE, "web", "custom_allow", Integer.toString(i)),
                  "Overly broad wildcard domain '" + allow.get(i) + "' in custom_allow"));
        }
      }
    }
    forEachWebService(
        (section, key, service) -> {
          for (int i = 0; i < service.domains().size(); i++) {
            if (broad(service.domains().get(i))) {
              found.add(
                  at(
                      Code.W007,
                      WEB_FILE,
                      position(WEB_FILE, "web", section, key, "domains", Integer.toString(i)),
                      "Overly broad wildcard domain '"
                          + service.domains().get(i)
                          + "' in web."
                          + section
                          + "."
                          + key));
            }
          }
        },
        config);
  }

  private static boolean broad(String domain) {
    if (domain.equals("*")) {
      return true;
    }
    if (!domain.startsWith("*.")) {
      return false;
    }
    String rest = domain.substring(2);
    return BROAD_TLDS.contains(rest) || (!rest.contains(".") && rest.length() <= 3);
  }

  private void sharedEnvVars(GuestConfig config) {
    Map<String, String> firstProvider = new LinkedHashMap<>();
    for (AiProviderConfig provider : config.providers().values()) {
      List<String> envVars = provider.apiKey().envVars();
      for (int i = 0; i < envVars.size(); i++) {
        String first = firstProvider.putIfAbsent(envVars.get(i), provider.key());
        // As upstream: a variable listed twice by the same provider is a duplicate too.
        if (first != null) {
          found.add(
              at(
                  Code.W008,
                  provider.file(),
                  position(
                      provider.file(), provider.key(), "api_key", "env_vars", Integer.toString(i)),
                  "Duplicate env_var '"
                      + envVars.get(i)
                      + "' in ai."
                      + provider.key()
                      + " (also in ai."
                      + first
                      + ")"));
        }
      }
    }
  }

  private void placeholders(GuestConfig config) {
    for (AiProviderConfig provider : config.providers().values()) {
      for (Map.Entry<String, FileContent> entry : provider.files().entrySet()) {
        String content = pythonStrip(entry.getValue().content()).toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.contains(content)) {
          found.add(
              at(
                  Code.W006,
                  provider.file(),
                  position(provider.file(), provider.key(), "files", entry.getKey(), "content"),
                  "File content looks like a placeholder in ai."
                      + provider.key()
                      + ".files."
                      + entry.getKey()));
        }
      }
    }
  }

  private void environment(GuestConfig config) {
    if (config.environment() == null) {
      return;
    }
    List<String> entries = List.of(config.environment().path().split(":", -1));
    if (!entries.contains("/usr/bin") && !entries.contains("/bin")) {
      found.add(
          at(
              Code.W010,
              ENVIRONMENT_FILE,
              files.containsKey(ENVIRONMENT_FILE)
                  ? position(ENVIRONMENT_FILE, "environment", "shell", "path")
                  : null,
              "PATH is missing /usr/bin and /bin"));
    }
  }

  private void rustTargets(GuestConfig config) {
    for (Map.Entry<String, ArchConfig> arch : config.build().architectures().entrySet()) {
      String target = arch.getValue().rustTarget();
      if (!MUSL_TARGETS.contains(target)) {
        found.add(
            at(
                Code.W012,
                "config/build.toml",
                position(
                    "config/build.toml", "build", "architectures", arch.getKey(), "rust_target"),
                "Unknown rust_target '"
                    + target
                    + "' for "
                    + arch.getKey()
                    + " (expected musl target)"));
      }
    }
  }

  private void cliVersionCommands(GuestConfig config) {
    for (AiProviderConfig provider : config.providers().values()) {
      String versionCommand = provider.cli() == null ? null : provider.cli().versionCommand();
      // Upstream tests the command's truth value: an empty command does not track the CLI either.
      if (provider.enabled()
          && provider.cli() != null
          && (versionCommand == null || versionCommand.isEmpty())) {
        found.add(
            at(
                Code.W013,
                provider.file(),
                keyPosition(provider.file(), provider.key(), "cli"),
                "AI provider '"
                    + provider.key()
                    + "' has cli but no version_command -- tool-versions.txt will not track this CLI"));
      }
    }
  }

  // Helpers.

  /**
   * {@code str(Path(asGiven) / child)} as Python prints it: empty and {@code .} parts and repeated
   * or trailing slashes disappear, so {@code ""}, {@code "."} and {@code "./"} name the current
   * folder.
   */
  static String asPathlib(String asGiven, String child) {
    StringBuilder out = new StringBuilder(asGiven.startsWith("/") ? "/" : "");
    for (String part : (asGiven + "/" + child).split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != '/') {
        out.append('/');
      }
      out.append(part);
    }
    return out.toString();
  }

  /** Python's {@code str.strip()}: removes what {@code str.isspace()} calls whitespace. */
  static String pythonStrip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && pythonSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && pythonSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  // Java's whitespace leaves out the no-break spaces and NEL, which Python counts.
  private static boolean pythonSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  private interface ServiceVisitor {
    void visit(String section, String key, WebService service);
  }

  private static void forEachWebService(ServiceVisitor visitor, GuestConfig config) {
    if (config.web() == null || !config.web().present()) {
      return;
    }
    for (Map.Entry<String, Map<String, WebService>> section : config.web().sections().entrySet()) {
      for (Map.Entry<String, WebService> service : section.getValue().entrySet()) {
        visitor.visit(section.getKey(), service.getKey(), service.getValue());
      }
    }
  }

  private Position position(String file, String... path) {
    ConfigFile config = files.get(file);
    return config == null ? null : config.position(path);
  }

  private Position keyPosition(String file, String... path) {
    ConfigFile config = files.get(file);
    return config == null ? null : config.keyPosition(path);
  }

  private static Diagnostic at(Code code, String file, Position position, String message) {
    return new Diagnostic(code, file, "", position, message);
  }
}
