package dev.capsem.core.internal.workspace;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.enforcement.ConditionCompiler;
import dev.capsem.core.internal.enforcement.NpmRegistryProbe;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.secrets.SecretScanner;
import dev.capsem.core.internal.workspace.GuestConfig.AiProviderConfig;
import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import dev.capsem.core.internal.workspace.GuestConfig.FileContent;
import dev.capsem.core.internal.workspace.GuestConfig.PackageSet;
import dev.capsem.core.internal.workspace.GuestConfig.WebService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The warnings of a workspace lint (upstream's {@code capsem-builder validate} warnings). */
final class WorkspaceWarnings {

  private static final Set<String> BROAD_TLDS =
      Set.of("com", "net", "org", "io", "dev", "co", "us", "uk", "eu", "app");
  private static final Set<String> PLACEHOLDERS =
      Set.of("todo", "fixme", "changeme", "replace_me", "xxx");
  private static final Set<String> MUSL_TARGETS =
      Set.of("aarch64-unknown-linux-musl", "x86_64-unknown-linux-musl");
  private static final String ENVIRONMENT_FILE = "config/vm/environment.toml";

  private final LintFindings findings;

  WorkspaceWarnings(LintFindings findings) {
    this.findings = findings;
  }

  /** Every warning check, in upstream's order. */
  void check(GuestConfig config) {
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
  }

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
                findings.position(provider.file(), provider.key(), "install", "manager"),
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
                findings.position(set.file(), set.key(), "manager"),
                NpmRegistryProbe.MESSAGE));
      }
    }
    if (warnings.isEmpty()
        || legacyRegistryPermitsNpm(config)
        || NpmRegistryProbe.permitsRegistry(config.controls(), new ConditionCompiler())) {
      return;
    }
    findings.found().addAll(warnings);
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
    boolean profileDerived = findings.files().containsKey("config/security/controls.toml");
    boolean registry =
        config.web() != null
            && config.web().present()
            && !config.web().sections().get("registry").isEmpty();
    if (!config.packageSets().isEmpty() && !registry && !profileDerived) {
      findings
          .found()
          .add(
              LintFindings.at(
                  Code.W014,
                  WorkspaceLinter.WEB_FILE,
                  findings.files().containsKey(WorkspaceLinter.WEB_FILE)
                      ? findings.position(WorkspaceLinter.WEB_FILE, "web")
                      : null,
                  "Package sets configured but no package registry in web security"));
    }
    for (PackageSet set : config.packageSets().values()) {
      for (int i = 0; i < set.packages().size(); i++) {
        String name = set.packages().get(i);
        if (name.endsWith("-dev") || name.endsWith("-devel")) {
          findings
              .found()
              .add(
                  LintFindings.at(
                      Code.W002,
                      set.file(),
                      findings.position(set.file(), set.key(), "packages", Integer.toString(i)),
                      "Package '" + name + "' looks like a development package in " + set.key()));
        }
      }
      if (set.network() == null) {
        findings
            .found()
            .add(
                LintFindings.at(
                    Code.W004,
                    set.file(),
                    findings.keyPosition(set.file(), set.key()),
                    "Package set '"
                        + set.key()
                        + "' has no network config (can't download at build time)"));
      }
      if (set.installCmdGiven()
          && set.installCmd().chars().anyMatch(c -> ";|&`$()".indexOf(c) >= 0)) {
        findings
            .found()
            .add(
                LintFindings.at(
                    Code.W009,
                    set.file(),
                    findings.position(set.file(), set.key(), "install_cmd"),
                    "Shell metacharacters in install_cmd for " + set.key()));
      }
    }
  }

  /** Ours scans every string of every file, not only file contents, headers and env values. */
  private void secrets() {
    for (ConfigFile file : findings.files().values()) {
      scan(file, file.tree(), new ArrayList<>());
    }
  }

  private void scan(ConfigFile file, Node node, List<String> path) {
    if (node instanceof StringNode string) {
      SecretScanner.find(string.value())
          .ifPresent(
              redacted ->
                  findings
                      .found()
                      .add(
                          LintFindings.at(
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
      findings
          .found()
          .add(
              LintFindings.at(
                  Code.W015,
                  WorkspaceLinter.WEB_FILE,
                  findings.position(WorkspaceLinter.WEB_FILE, "web", "custom_block"),
                  "Domains in both allow and block lists: " + String.join(", ", both)));
    }
    if (config.web().allowRead()
        && config.web().allowWrite()
        && config.web().customBlock().isEmpty()) {
      findings
          .found()
          .add(
              LintFindings.at(
                  Code.W011,
                  WorkspaceLinter.WEB_FILE,
                  findings.position(WorkspaceLinter.WEB_FILE, "web"),
                  "Network policy is wide open: allow_read and allow_write both true with no block list"));
    }
  }

  private void broadWildcards(GuestConfig config) {
    for (AiProviderConfig provider : config.providers().values()) {
      List<String> domains = provider.network().domains();
      for (int i = 0; i < domains.size(); i++) {
        if (broad(domains.get(i))) {
          findings
              .found()
              .add(
                  LintFindings.at(
                      Code.W007,
                      provider.file(),
                      findings.position(
                          provider.file(),
                          provider.key(),
                          "network",
                          "domains",
                          Integer.toString(i)),
                      "Overly broad wildcard domain '"
                          + domains.get(i)
                          + "' in ai."
                          + provider.key()));
        }
      }
    }
    if (config.web() != null && config.web().present()) {
      List<String> allow = config.web().customAllow();
      for (int i = 0; i < allow.size(); i++) {
        if (broad(allow.get(i))) {
          findings
              .found()
              .add(
                  LintFindings.at(
                      Code.W007,
                      WorkspaceLinter.WEB_FILE,
                      findings.position(
                          WorkspaceLinter.WEB_FILE, "web", "custom_allow", Integer.toString(i)),
                      "Overly broad wildcard domain '" + allow.get(i) + "' in custom_allow"));
        }
      }
    }
    LintFindings.forEachWebService(
        (section, key, service) -> {
          for (int i = 0; i < service.domains().size(); i++) {
            if (broad(service.domains().get(i))) {
              findings
                  .found()
                  .add(
                      LintFindings.at(
                          Code.W007,
                          WorkspaceLinter.WEB_FILE,
                          findings.position(
                              WorkspaceLinter.WEB_FILE,
                              "web",
                              section,
                              key,
                              "domains",
                              Integer.toString(i)),
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
          findings
              .found()
              .add(
                  LintFindings.at(
                      Code.W008,
                      provider.file(),
                      findings.position(
                          provider.file(),
                          provider.key(),
                          "api_key",
                          "env_vars",
                          Integer.toString(i)),
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
        String content =
            WorkspaceLinter.pythonStrip(entry.getValue().content()).toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.contains(content)) {
          findings
              .found()
              .add(
                  LintFindings.at(
                      Code.W006,
                      provider.file(),
                      findings.position(
                          provider.file(), provider.key(), "files", entry.getKey(), "content"),
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
      findings
          .found()
          .add(
              LintFindings.at(
                  Code.W010,
                  ENVIRONMENT_FILE,
                  findings.files().containsKey(ENVIRONMENT_FILE)
                      ? findings.position(ENVIRONMENT_FILE, "environment", "shell", "path")
                      : null,
                  "PATH is missing /usr/bin and /bin"));
    }
  }

  private void rustTargets(GuestConfig config) {
    for (Map.Entry<String, ArchConfig> arch : config.build().architectures().entrySet()) {
      String target = arch.getValue().rustTarget();
      if (!MUSL_TARGETS.contains(target)) {
        findings
            .found()
            .add(
                LintFindings.at(
                    Code.W012,
                    "config/build.toml",
                    findings.position(
                        "config/build.toml",
                        "build",
                        "architectures",
                        arch.getKey(),
                        "rust_target"),
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
        findings
            .found()
            .add(
                LintFindings.at(
                    Code.W013,
                    provider.file(),
                    findings.keyPosition(provider.file(), provider.key(), "cli"),
                    "AI provider '"
                        + provider.key()
                        + "' has cli but no version_command -- tool-versions.txt will not track this CLI"));
      }
    }
  }
}
