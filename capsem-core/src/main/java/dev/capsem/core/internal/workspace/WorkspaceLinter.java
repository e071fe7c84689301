package dev.capsem.core.internal.workspace;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.workspace.GuestConfig.AiProviderConfig;
import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import dev.capsem.core.internal.workspace.GuestConfig.FileContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Lints a guest-config directory (upstream's {@code capsem-builder validate}): every upstream
 * check, under the codes of our catalogue, with positions in the TOML findings.files().
 */
public final class WorkspaceLinter {

  private static final Pattern SCHEME = Pattern.compile("^https?://");
  // Python's \d in a str pattern is any Unicode decimal digit.
  private static final Pattern PORT = Pattern.compile(":\\p{Nd}+");
  static final String WEB_FILE = "config/security/web.toml";

  private final LintFindings findings = new LintFindings();

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
    return new WorkspaceLint(linter.findings.found(), config);
  }

  private GuestConfig run(
      Path guestDir, String guestAsGiven, Path artifactsDir, String artifactsAsGiven)
      throws IOException {
    if (!Files.isDirectory(guestDir.resolve("config"))) {
      findings
          .found()
          .add(
              LintFindings.at(
                  Code.E016, asPathlib(guestAsGiven, "config"), null, "Missing config directory"));
      return null;
    }
    if (!Files.isRegularFile(guestDir.resolve("config/build.toml"))) {
      findings
          .found()
          .add(
              LintFindings.at(
                  Code.E016,
                  asPathlib(guestAsGiven, "config/build.toml"),
                  null,
                  "Missing required file: build.toml"));
      return null;
    }
    GuestConfigLoader.Loaded loaded = GuestConfigLoader.load(guestDir);
    findings.files(loaded.files());
    findings.found().addAll(loaded.diagnostics());
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
    new WorkspaceWarnings(findings).check(config);
    return config;
  }

  // Errors.

  private void domains(GuestConfig config) {
    for (AiProviderConfig provider : config.providers().values()) {
      List<String> domains = provider.network().domains();
      for (int i = 0; i < domains.size(); i++) {
        if (invalidDomain(domains.get(i))) {
          findings
              .found()
              .add(
                  LintFindings.at(
                      Code.E006,
                      provider.file(),
                      findings.position(
                          provider.file(),
                          provider.key(),
                          "network",
                          "domains",
                          Integer.toString(i)),
                      "Invalid domain pattern '"
                          + domains.get(i)
                          + "' in ai."
                          + provider.key()
                          + ".network.domains"));
        }
      }
    }
    LintFindings.forEachWebService(
        (section, key, service) -> {
          for (int i = 0; i < service.domains().size(); i++) {
            String domain = service.domains().get(i);
            if (invalidDomain(domain)) {
              findings
                  .found()
                  .add(
                      LintFindings.at(
                          Code.E006,
                          WEB_FILE,
                          findings.position(
                              WEB_FILE, "web", section, key, "domains", Integer.toString(i)),
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
      for (ConfigFile file : findings.files().values()) {
        if (!file.name().startsWith(group[0]) || file.name().indexOf('/', group[0].length()) >= 0) {
          continue;
        }
        for (ObjectNode.Member member : file.tree().entries()) {
          String first = firstFile.putIfAbsent(member.key(), file.name());
          if (first != null) {
            findings
                .found()
                .add(
                    LintFindings.at(
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
          findings
              .found()
              .add(
                  LintFindings.at(
                      Code.E009,
                      provider.file(),
                      findings.position(
                          provider.file(), provider.key(), "files", entry.getKey(), "path"),
                      "File path must be absolute: '" + file.path() + "' in " + where));
        }
        // Upstream skips only empty content: whitespace alone is invalid JSON.
        if (file.path().endsWith(".json") && !file.content().isEmpty()) {
          try {
            JsonReader.read(file.content(), JsonDialect.PYTHON);
          } catch (JsonSyntaxException e) {
            findings
                .found()
                .add(
                    LintFindings.at(
                        e.code() == Code.E572 ? Code.E572 : Code.E010,
                        provider.file(),
                        findings.position(
                            provider.file(), provider.key(), "files", entry.getKey(), "content"),
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
      // Upstream tests existence only, here and for the artifact findings.files().
      if (!Files.exists(guestDir.resolve("config/kernel").resolve(base))) {
        findings
            .found()
            .add(
                LintFindings.at(
                    Code.E304,
                    "config/build.toml",
                    findings.position(
                        "config/build.toml", "build", "architectures", arch.getKey(), "defconfig"),
                    "Missing kernel defconfig for " + arch.getKey() + ": " + defconfig));
      }
    }
  }

  private void artifacts(Path artifactsDir, String asGiven) {
    if (!Files.exists(artifactsDir.resolve("capsem-ca.crt"))) {
      findings
          .found()
          .add(
              LintFindings.at(
                  Code.E301,
                  asPathlib(asGiven, "capsem-ca.crt"),
                  null,
                  "Missing CA certificate: capsem-ca.crt"));
    }
    for (String name : GuestArtifacts.FILES) {
      if (!Files.exists(artifactsDir.resolve(name))) {
        findings
            .found()
            .add(
                LintFindings.at(
                    Code.E302,
                    asPathlib(asGiven, name),
                    null,
                    "Missing required artifact: " + name));
      }
    }
    for (String name : GuestArtifacts.DIRECTORIES) {
      if (!Files.isDirectory(artifactsDir.resolve(name))) {
        findings
            .found()
            .add(
                LintFindings.at(
                    Code.E302,
                    asPathlib(asGiven, name),
                    null,
                    "Missing required directory: " + name));
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
}
