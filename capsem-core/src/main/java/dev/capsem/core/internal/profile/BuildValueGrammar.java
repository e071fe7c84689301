package dev.capsem.core.internal.profile;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.schema.Issue;
import dev.capsem.core.internal.schema.SchemaPath;
import dev.capsem.core.internal.secrets.ShownValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The grammar of every profile value that reaches a Dockerfile, a shell line or a file name (E570):
 * the Debian release, package names and versions per ecosystem, the Node runtime, the names that
 * become workspace files and the file names of asset URLs. Each is a closed character set, so that
 * no accepted value can carry a line break, a quote or a shell or Dockerfile metacharacter into a
 * build; the renderers quote values as well, in case a value comes from elsewhere.
 *
 * <p>Versions admit the range syntax {@code image verify --version-match ranges} reads ({@code
 * >=1.2, <2}, {@code ^1.2.3}, {@code ~=2.0}) and the floating {@code *}, {@code latest} and {@code
 * build-time}.
 */
final class BuildValueGrammar {

  /**
   * A rule: the pattern, and how the message describes what it accepts. Values are bounded before
   * the pattern runs, so that no input makes matching slow.
   */
  record Rule(Pattern pattern, String description) {
    static final int MAX_LENGTH = 256;

    Rule(String regex, String description) {
      this(Pattern.compile(regex), description);
    }

    boolean accepts(String value) {
      return value.length() <= MAX_LENGTH && pattern.matcher(value).matches();
    }
  }

  private static final String FLOATING = "\\*|latest|build-time";

  /** A Debian release: the image {@code debian:<release>-slim} must be a valid tag. */
  static final Rule RELEASE =
      new Rule(
          "[a-z0-9][a-z0-9.-]{0,62}",
          "a Debian release name (lower-case letters, digits, '.' and '-', e.g. bookworm)");

  /** Debian policy §5.6.1: lower case, digits, {@code + - .}, at least two characters. */
  static final Rule APT_NAME =
      new Rule(
          "[a-z0-9][a-z0-9+.-]{1,127}",
          "a Debian package name (lower-case letters, digits, '+', '-' and '.', e.g. git)");

  /** PEP 508 names, case-insensitive. */
  static final Rule PYTHON_NAME =
      new Rule(
          "[A-Za-z0-9](?:[A-Za-z0-9._-]{0,126}[A-Za-z0-9])?",
          "a Python distribution name (letters, digits, '.', '_' and '-', e.g. requests)");

  /** npm's rules for new and legacy names: URL-safe, no leading dot or underscore, 214 at most. */
  static final Rule NPM_NAME =
      new Rule(
          "(?=.{1,214}\\z)(?:@[A-Za-z0-9~][A-Za-z0-9._~-]*/)?[A-Za-z0-9~][A-Za-z0-9._~-]*",
          "an npm package name (letters, digits, '-', '.', '_' and '~', optionally @scope/,"
              + " e.g. @openai/codex)");

  /** dpkg's version characters (epoch {@code :}, revision {@code -}, {@code ~}), or a range. */
  static final Rule APT_VERSION =
      new Rule(
          versionOrRange("[0-9][A-Za-z0-9.+~:-]*", "<<|>>|<=|>=|!=|==|=|<|>|~=|\\^|~"),
          "a Debian version or range (e.g. 2.39.5-0+deb12u2, >=2.39, *)");

  /** PEP 440 versions and specifiers ({@code 1!2.0.post1+local}, {@code ==1.*}). */
  static final Rule PYTHON_VERSION =
      new Rule(
          versionOrRange("[0-9][A-Za-z0-9.!+*_-]*", "===|==|!=|<=|>=|~=|<|>"),
          "a PEP 440 version or specifier (e.g. 2.32.3, >=2.31, <3, *)");

  /** SemVer, npm ranges ({@code ^1.2 || 2.x}, {@code 1.0 - 2.0}) and dist-tags ({@code next}). */
  static final Rule NPM_VERSION =
      new Rule(
          "(?:"
              + FLOATING
              + "|[A-Za-z][A-Za-z0-9._-]{0,63}|[<>=^~]{0,2}[ ]*v?[0-9xX*][A-Za-z0-9.+*_-]*"
              + "(?:[ ]*(?:\\|\\||[ ]-[ ]|,|[ ])[ ]*[<>=^~]{0,2}[ ]*v?[0-9xX*][A-Za-z0-9.+*_-]*)*)",
          "an npm version, range or dist-tag (e.g. 1.44.0, ^1.2.3, next, *)");

  /** Runtime versions ({@code node = "24"}, {@code python = "3.12"}, {@code uv = "*"}). */
  static final Rule RUNTIME_VERSION =
      new Rule(
          versionOrRange("[0-9][A-Za-z0-9.+~_-]*", "===|==|!=|<=|>=|~=|<|>|\\^|~|="),
          "a version or range (e.g. 24, 3.12, >=0.4, *)");

  /** Keys that become workspace file names ({@code config/ai/<id>.toml}). */
  static final Rule FILE_STEM =
      new Rule(
          "[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}",
          "a name of at most 64 letters, digits, '_', '.' and '-' (it names a workspace file)");

  /**
   * The last segment of an asset URL: the asset's file name on disk, or the digest a registry blob
   * URL ends with ({@code .../blobs/sha256:<hex>}, a release published with {@code --publish-to},
   * whose asset is stored under its kind's name). An empty one is left to the commands that need a
   * name, which refuse it in upstream's words.
   */
  static final Rule ASSET_FILE =
      new Rule(
          "|(?!\\.{1,2}\\z)[A-Za-z0-9._~%+-]{1,200}|sha256:[0-9a-f]{64}",
          "a URL whose last path segment is a file name of at most 200 letters, digits and"
              + " '.', '_', '~', '%', '+', '-' (it names the downloaded file) or a registry"
              + " blob's digest (sha256:<64 hex digits>)");

  private final List<Issue> issues = new ArrayList<>();

  private BuildValueGrammar() {}

  /** Every E570 finding about a raw profile document. */
  static List<Issue> check(Node document) {
    BuildValueGrammar grammar = new BuildValueGrammar();
    if (document instanceof ObjectNode root) {
      grammar.root(root);
    }
    return grammar.issues;
  }

  private void root(ObjectNode root) {
    SchemaPath top = SchemaPath.root();
    if (root.get("packages") instanceof ObjectNode packages) {
      SchemaPath at = top.child("packages");
      if (packages.get("system") instanceof ObjectNode system) {
        value(system.get("release"), at.child("system").child("release"), RELEASE, "release");
        if (system.get("apt") instanceof ObjectNode apt) {
          packages(apt, at.child("system").child("apt"), APT_NAME, APT_VERSION);
        }
      }
      if (packages.get("python_modules") instanceof ObjectNode modules) {
        packages(modules, at.child("python_modules"), PYTHON_NAME, PYTHON_VERSION);
      }
      if (packages.get("node_packages") instanceof ObjectNode nodePackages) {
        packages(nodePackages, at.child("node_packages"), NPM_NAME, NPM_VERSION);
      }
      if (packages.get("runtimes") instanceof ObjectNode runtimes) {
        for (ObjectNode.Member runtime : runtimes.entries()) {
          value(
              runtime.value(),
              at.child("runtimes").child(runtime.key()),
              RUNTIME_VERSION,
              "version");
        }
      }
    }
    if (root.get("ai") instanceof ObjectNode ai
        && ai.get("providers") instanceof ObjectNode providers) {
      keys(providers, top.child("ai").child("providers"));
    }
    if (root.get("mcpServers") instanceof ObjectNode servers) {
      keys(servers, top.child("mcpServers"));
    }
    if (root.get("vm") instanceof ObjectNode vm && vm.get("assets") instanceof ObjectNode assets) {
      for (ObjectNode.Member arch : assets.entries()) {
        if (!(arch.value() instanceof ObjectNode kinds)) {
          continue;
        }
        for (ObjectNode.Member kind : kinds.entries()) {
          if (kind.value() instanceof ObjectNode asset) {
            SchemaPath path = top.child("vm").child("assets").child(arch.key()).child(kind.key());
            assetUrl(asset.get("url"), path.child("url"));
            assetUrl(asset.get("signature_url"), path.child("signature_url"));
          }
        }
      }
    }
  }

  private void packages(ObjectNode map, SchemaPath path, Rule name, Rule version) {
    for (ObjectNode.Member member : map.entries()) {
      if (!name.accepts(member.key())) {
        issues.add(
            new Issue(
                path.keyOf(member.key()),
                member.keyPosition(),
                Code.E570,
                "package name " + ShownValue.quoted(member.key()) + " is not " + name.description));
      }
      value(member.value(), path.child(member.key()), version, "version");
    }
  }

  private void keys(ObjectNode map, SchemaPath path) {
    for (ObjectNode.Member member : map.entries()) {
      if (!FILE_STEM.accepts(member.key())) {
        issues.add(
            new Issue(
                path.keyOf(member.key()),
                member.keyPosition(),
                Code.E570,
                ShownValue.quoted(member.key()) + " is not " + FILE_STEM.description));
      }
    }
  }

  private void value(Node node, SchemaPath path, Rule rule, String what) {
    if (node instanceof StringNode string && !rule.accepts(string.value())) {
      issues.add(
          new Issue(
              path,
              node.position(),
              Code.E570,
              what + " " + ShownValue.quoted(string.value()) + " is not " + rule.description));
    }
  }

  private void assetUrl(Node node, SchemaPath path) {
    if (!(node instanceof StringNode string)) {
      return;
    }
    String url = string.value();
    String name = AssetDeclaration.fileNameOf(url);
    if (!ASSET_FILE.accepts(name)) {
      issues.add(
          new Issue(
              path,
              node.position(),
              Code.E570,
              "asset URL " + ShownValue.quoted(url) + " is not " + ASSET_FILE.description));
    }
  }

  /** {@code <version>} or a comma-separated list of {@code <operator> <version>} clauses. */
  private static String versionOrRange(String version, String operators) {
    String clause = "(?:(?:" + operators + ")[ ]*)?" + version + "(?:\\.\\*)?";
    return "(?:" + FLOATING + "|" + clause + "(?:[ ]*,[ ]*" + clause + ")*)";
  }
}
