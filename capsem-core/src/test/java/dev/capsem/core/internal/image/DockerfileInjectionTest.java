package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.internal.toml.TomlWriter;
import dev.capsem.core.internal.workspace.GuestConfig;
import dev.capsem.core.internal.workspace.GuestConfig.AiProviderConfig;
import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import dev.capsem.core.internal.workspace.GuestConfig.Install;
import dev.capsem.core.internal.workspace.GuestConfig.PackageSet;
import dev.capsem.core.internal.workspace.GuestConfigs;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.GuestInputs;
import dev.capsem.core.testing.Sha256Hasher;
import dev.capsem.core.testing.TreeEdit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15, finding 1: no profile value can add an instruction to a rendered Dockerfile. For every
 * field that reaches one, 1,000 seeded hostile values go through the whole path (TOML text, profile
 * validation, workspace, rendered Dockerfiles); every value the grammar lets through must render
 * Dockerfiles whose instructions (read by {@link DockerfileInstructions}, Docker's rules) have the
 * same structure as with a benign value. Then the same values go straight into the loaded workspace
 * (as if the grammar had missed them) to prove the renderers' quoting on its own.
 */
class DockerfileInjectionTest {

  private static final long SEED = 0x15_2026_0523L;
  private static final int PER_FIELD = 1000;
  private static final String PROFILE = "config/profiles/base/coding.profile.toml";

  /** In a workspace value, replaced by the value under test. */
  static final String VALUE = "\u0000VALUE\u0000";

  @TempDir static Path temp;
  private static ObjectNode coding;
  private static GuestConfig loaded;

  @BeforeAll
  static void load() throws IOException {
    coding = (ObjectNode) InputDocument.read(Conformance.file(PROFILE), PROFILE).tree();
    loaded = TestWorkspaces.coding(temp.resolve("base")).config();
    DEDUPLICATED.addAll(List.of("*", "latest", "build-time"));
    ObjectNode packages = (ObjectNode) coding.get("packages");
    for (String map : List.of("python_modules", "node_packages", "runtimes")) {
      DEDUPLICATED.addAll(((ObjectNode) packages.get(map)).keys());
    }
    DEDUPLICATED.addAll(((ObjectNode) ((ObjectNode) packages.get("system")).get("apt")).keys());
    loaded.providers().values().stream()
        .filter(p -> p.install() != null)
        .forEach(p -> DEDUPLICATED.addAll(p.install().packages()));
    loaded.packageSets().values().forEach(s -> DEDUPLICATED.addAll(s.packages()));
  }

  /** Pieces an attacker combines: line breaks, Dockerfile syntax, shell syntax, odd characters. */
  private static final List<String> FRAGMENTS =
      List.of(
          "\n",
          "\r\n",
          "\r",
          "\\\n",
          "\nRUN echo INJECTED > /i\n#",
          "\nFROM scratch\n",
          "\nCOPY / /x\n",
          "\n# syntax=evil/frontend\n",
          "\n# escape=`\n",
          "<<EOF\nRUN id\nEOF",
          "<<-X",
          "'",
          "\"",
          "`id`",
          "$(id)",
          "${PATH}",
          "$HOME",
          ";",
          "&&",
          "||",
          "|",
          "&",
          ">",
          "<",
          "(",
          ")",
          "#",
          "\\",
          " ",
          "\t",
          "\u0000",
          "\u001b[2J",
          "\u2028",
          "\u0085",
          "--index-url=http://evil",
          "-o",
          " AS evil",
          "bookworm",
          "1.0",
          "git",
          "@scope/pkg",
          "*",
          ",>=1",
          "sk-ant-api03-abcdefghijklmnop");

  /**
   * Values that, though valid, change a Dockerfile's word counts legitimately: a floating version
   * drops the {@code =version} suffix and a name already listed is installed once. Generated values
   * avoid them so that a changed count can only mean a value split into several words.
   */
  private static final java.util.Set<String> DEDUPLICATED = new java.util.HashSet<>();

  /** A hostile value that is not one of {@link #DEDUPLICATED}. */
  static String hostileValue(Random random) {
    String value;
    do {
      value = hostile(random);
    } while (DEDUPLICATED.contains(value));
    return value;
  }

  /** One hostile value: one to six fragments and random characters, joined. */
  static String hostile(Random random) {
    StringBuilder value = new StringBuilder();
    int parts = 1 + random.nextInt(6);
    for (int i = 0; i < parts; i++) {
      if (random.nextInt(4) == 0) {
        int length = 1 + random.nextInt(6);
        for (int j = 0; j < length; j++) {
          value.append(
              (char) (random.nextBoolean() ? 0x20 + random.nextInt(0x5f) : random.nextInt(0x100)));
        }
      } else {
        value.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
      }
    }
    return value.toString();
  }

  // Whole path: profile text to Dockerfiles.

  /** A profile field that reaches a Dockerfile, and how to put a value there. */
  enum ProfileField {
    RELEASE(
        "packages.system.release", "trixie", (doc, v) -> set(doc, "packages.system.release", v)),
    APT_NAME(
        "packages.system.apt", "benign-pkg", (doc, v) -> addKey(doc, "packages.system.apt", v)),
    APT_VERSION(
        "packages.system.apt.git",
        "2.39.5-0+deb12u2",
        (doc, v) -> set(doc, "packages.system.apt.git", v)),
    PYTHON_NAME(
        "packages.python_modules",
        "benignpkg",
        (doc, v) -> addKey(doc, "packages.python_modules", v)),
    PYTHON_VERSION(
        "packages.python_modules.requests",
        "2.32.3",
        (doc, v) -> set(doc, "packages.python_modules.requests", v)),
    NPM_NAME(
        "packages.node_packages",
        "@benign/pkg",
        (doc, v) -> addKey(doc, "packages.node_packages", v)),
    NPM_VERSION("packages.node_packages.@openai/codex", "0.1.0", ProfileField::npmVersion),
    NODE_RUNTIME("packages.runtimes.node", "22", (doc, v) -> set(doc, "packages.runtimes.node", v));

    final String path;
    final String benign;
    final BiFunction<ObjectNode, String, ObjectNode> apply;

    ProfileField(String path, String benign, BiFunction<ObjectNode, String, ObjectNode> apply) {
      this.path = path;
      this.benign = benign;
      this.apply = apply;
    }

    private static ObjectNode set(ObjectNode doc, String path, String value) {
      return TreeEdit.set(doc, path, StringNode.of(value));
    }

    private static ObjectNode addKey(ObjectNode doc, String path, String key) {
      ObjectNode map = (ObjectNode) lookup(doc, path);
      return TreeEdit.set(doc, path, map.with(key, StringNode.of("*")));
    }

    private static ObjectNode npmVersion(ObjectNode doc, String value) {
      ObjectNode map = (ObjectNode) lookup(doc, "packages.node_packages");
      return TreeEdit.set(
          doc, "packages.node_packages", map.with("@openai/codex", StringNode.of(value)));
    }

    private static Node lookup(ObjectNode doc, String path) {
      Node node = doc;
      for (String key : path.split("\\.")) {
        node = ((ObjectNode) node).get(key);
      }
      return node;
    }
  }

  /** The summaries of every Dockerfile a profile renders, or null when it is refused. */
  private static List<String> renderProfile(ObjectNode document, Path dir, List<Diagnostic> refusal)
      throws IOException {
    byte[] toml = TomlWriter.write(document).getBytes(StandardCharsets.UTF_8);
    ProfileCheck check =
        ProfileReader.check(
            InputDocument.parse(toml, "hostile.profile.toml", false), "hostile.profile.toml");
    if (check.profile() == null) {
      refusal.addAll(check.diagnostics().stream().filter(Diagnostic::isError).toList());
      return null;
    }
    Diagnostic node = BuildLimits.nodeMajorProblem(check.profile(), "hostile.profile.toml");
    if (node != null) {
      refusal.add(node);
      return null;
    }
    ImagePlan plan = ImagePlan.of(check.profile(), List.of("x86_64"), new Sha256Hasher());
    ImageWorkspace.Derived derived =
        ImageWorkspace.derive(plan, GuestInputs.sources(dir.resolve("in")), "p");
    assertThat(derived.ok()).as("derived %s", derived.diagnostics()).isTrue();
    WorkspaceWriter.write(dir.resolve("ws"), derived.files());
    GuestConfigs.Loaded config = GuestConfigs.load(dir.resolve("ws"), "ws");
    if (config.config() == null) {
      refusal.addAll(config.diagnostics());
      return null;
    }
    return dockerfiles(config.config());
  }

  private static List<String> dockerfiles(GuestConfig config) {
    List<String> all = new ArrayList<>();
    for (Map.Entry<String, ArchConfig> arch : config.build().architectures().entrySet()) {
      ArchConfig a = arch.getValue();
      all.addAll(
          DockerfileInstructions.summaries(
              new RootfsRecipe(config, a, PackageSources.upstream(), true, 1776729600L)
                  .dockerfile()));
      all.addAll(
          DockerfileInstructions.summaries(
              new RootfsRecipe(
                      config,
                      a,
                      new PackageSources(
                          "debian",
                          null,
                          java.net.URI.create("https://pypi.example/simple"),
                          null,
                          new dev.capsem.core.diag.GivenPath(Path.of("ca.pem"), "ca.pem")),
                      false,
                      1776729600L)
                  .dockerfile()));
      all.addAll(
          DockerfileInstructions.summaries(
              new KernelRecipe(arch.getKey(), a, "linux-source.tar.xz", 1776729600L).dockerfile()));
      all.addAll(
          DockerfileInstructions.summaries(
              ToolImages.busyboxDockerfile(a.dockerPlatform(), a.baseImage())));
      all.addAll(DockerfileInstructions.summaries(ToolImages.assetToolsDockerfile(a.baseImage())));
    }
    return all;
  }

  @ParameterizedTest
  @EnumSource(ProfileField.class)
  void profile_hostileValues_neverAddAnInstruction(ProfileField field) throws IOException {
    Path dir = Files.createDirectories(temp.resolve("profile-" + field));
    List<String> benign =
        renderProfile(
            field.apply.apply(coding, field.benign), dir.resolve("benign"), new ArrayList<>());
    assertThat(benign).as("the benign value renders").isNotNull();
    Random random = new Random(SEED + field.ordinal());
    int refused = 0;
    int rendered = 0;
    List<String> injected = new ArrayList<>();
    for (int i = 0; i < PER_FIELD; i++) {
      String value = hostileValue(random);
      List<Diagnostic> refusal = new ArrayList<>();
      List<String> summaries;
      try {
        summaries = renderProfile(field.apply.apply(coding, value), dir.resolve("v" + i), refusal);
      } catch (IllegalArgumentException e) {
        // A renderer refusing a value is safe, but the grammar should have caught it first.
        injected.add("renderer had to refuse " + escaped(value));
        continue;
      }
      if (summaries == null) {
        refused++;
        assertThat(refusal).as("refusal of %s", escaped(value)).isNotEmpty();
        continue;
      }
      rendered++;
      if (!summaries.equals(benign)) {
        injected.add(escaped(value) + " -> " + summaries);
      }
    }
    System.out.printf(
        "injection %s: %d values, %d refused by validation, %d rendered, %d injected%n",
        field, PER_FIELD, refused, rendered, injected.size());
    assertThat(injected).isEmpty();
    assertThat(refused + rendered).isEqualTo(PER_FIELD);
  }

  // Renderers alone: values put straight into a loaded workspace.

  /** A workspace value that reaches a Dockerfile, and how to put a value there. */
  enum WorkspaceField {
    APT_SPEC(c -> withSet(c, "apt", List.of("git", VALUE))),
    PYTHON_SPEC(c -> withSet(c, "python", List.of("requests", VALUE))),
    NPM_SPEC(c -> withSet(c, "node", List.of("playwright", VALUE))),
    PROVIDER_NPM_PACKAGE(c -> withProviderInstall(c, "npm", null, VALUE)),
    PROVIDER_NPM_PREFIX(c -> withProviderInstall(c, "npm", VALUE, "@openai/codex")),
    PROVIDER_CURL_URL(c -> withProviderInstall(c, "curl", null, VALUE)),
    INSTALL_CMD(c -> withInstallCmd(c, VALUE)),
    BASE_IMAGE(
        c ->
            withArch(
                c,
                a ->
                    new ArchConfig(
                        VALUE,
                        a.dockerPlatform(),
                        a.rustTarget(),
                        a.kernelBranch(),
                        a.kernelImage(),
                        a.defconfig(),
                        a.nodeMajor()))),
    PLATFORM(
        c ->
            withArch(
                c,
                a ->
                    new ArchConfig(
                        a.baseImage(),
                        VALUE,
                        a.rustTarget(),
                        a.kernelBranch(),
                        a.kernelImage(),
                        a.defconfig(),
                        a.nodeMajor()))),
    KERNEL_IMAGE(
        c ->
            withArch(
                c,
                a ->
                    new ArchConfig(
                        a.baseImage(),
                        a.dockerPlatform(),
                        a.rustTarget(),
                        a.kernelBranch(),
                        VALUE,
                        a.defconfig(),
                        a.nodeMajor())));

    final Function<GuestConfig, GuestConfig> edit;

    WorkspaceField(Function<GuestConfig, GuestConfig> edit) {
      this.edit = edit;
    }

    GuestConfig with(GuestConfig config, String value) {
      return replace(edit.apply(config), value);
    }
  }

  /**
   * {@code install_cmd} is shell text by design (the kit's own command, W009 warns about
   * metacharacters): only its Dockerfile instructions are compared, not its shell structure.
   */
  private static List<String> keywords(WorkspaceField field, List<String> summaries) {
    return field != WorkspaceField.INSTALL_CMD
        ? summaries
        : summaries.stream().map(s -> s.startsWith("RUN") ? "RUN" : s).toList();
  }

  /** A benign value per workspace field. */
  private static String benignFor(WorkspaceField field) {
    return switch (field) {
      case PROVIDER_NPM_PREFIX -> "/opt/benign";
      case PROVIDER_CURL_URL -> "https://example.com/install.sh";
      case INSTALL_CMD -> "pip3 install";
      case BASE_IMAGE -> "debian:trixie-slim";
      case PLATFORM -> "linux/amd64";
      case KERNEL_IMAGE -> "arch/x86/boot/bzImage";
      default -> "benign-pkg";
    };
  }

  @ParameterizedTest
  @EnumSource(WorkspaceField.class)
  void renderers_hostileValuesWithoutTheGrammar_neverAddAnInstruction(WorkspaceField field) {
    List<String> benign = keywords(field, dockerfiles(field.with(loaded, benignFor(field))));
    Random random = new Random(SEED * 31 + field.ordinal());
    int refused = 0;
    int rendered = 0;
    List<String> injected = new ArrayList<>();
    for (int i = 0; i < PER_FIELD; i++) {
      String value = hostileValue(random);
      List<String> summaries;
      try {
        summaries = keywords(field, dockerfiles(field.with(loaded, value)));
      } catch (IllegalArgumentException e) {
        refused++;
        continue;
      }
      rendered++;
      if (!summaries.equals(benign)) {
        injected.add(escaped(value) + " -> " + summaries);
      }
    }
    System.out.printf(
        "renderer %s: %d values, %d refused by the renderer, %d rendered, %d injected%n",
        field, PER_FIELD, refused, rendered, injected.size());
    assertThat(injected).isEmpty();
  }

  @Test
  void summaries_theIssuesReproducer_showsTheExtraRunInstruction() {
    // The parser itself catches the reported attack when the value is written unquoted.
    String clean = "FROM --platform=linux/amd64 debian:bookworm-slim\nRUN apt-get update\n";
    String attacked =
        "FROM --platform=linux/amd64 debian:bookworm-slim\nRUN echo INJECTED > /i\n#-slim\n"
            + "RUN apt-get update\n";

    assertThat(DockerfileInstructions.summaries(attacked))
        .isNotEqualTo(DockerfileInstructions.summaries(clean))
        .containsExactly("FROM 2", "RUN [>:2, end:1]", "RUN [end:2]");
  }

  @Test
  void summaries_continuationsCommentsAndHeredocs_followDockersRules() {
    String dockerfile =
        "# escape=\\\n"
            + "FROM a\n"
            + "RUN one \\\n"
            + "# a comment inside the continuation\n"
            + "\n"
            + "  && two 'x;y' \"$(printf '%b' 'a\\012b')\"\n"
            + "RUN <<EOF\n"
            + "FROM not-an-instruction\n"
            + "EOF\n"
            + "COPY <<-X /dst\n"
            + "\tX\n"
            + "ENV P=\"a b\"\n";

    assertThat(DockerfileInstructions.summaries(dockerfile))
        .containsExactly(
            "FROM 1",
            "RUN [&&:1, end:3]",
            "RUN <<heredoc [<<:0, end:1]",
            "COPY <<heredoc 2",
            "ENV 1");
  }

  private static String escaped(String value) {
    return value
        .replace("\\", "\\\\")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\u0000", "\\0");
  }

  // Record surgery on a loaded workspace.

  private static GuestConfig replace(GuestConfig c, String value) {
    return new GuestConfig(
        new GuestConfig.BuildConfig(
            c.build().compression(),
            c.build().compressionLevel(),
            mapValues(
                c.build().architectures(),
                a ->
                    new ArchConfig(
                        sub(a.baseImage(), value),
                        sub(a.dockerPlatform(), value),
                        a.rustTarget(),
                        a.kernelBranch(),
                        sub(a.kernelImage(), value),
                        a.defconfig(),
                        a.nodeMajor())),
            c.build().versionCommands()),
        c.manifest(),
        mapValues(
            c.providers(),
            p ->
                p.install() == null
                    ? p
                    : new AiProviderConfig(
                        p.key(),
                        p.file(),
                        p.name(),
                        p.description(),
                        p.enabled(),
                        p.apiKey(),
                        p.network(),
                        new Install(
                            p.install().manager(),
                            sub(p.install().prefix(), value),
                            p.install().packages().stream().map(s -> sub(s, value)).toList()),
                        p.cli(),
                        p.files())),
        mapValues(
            c.packageSets(),
            s ->
                new PackageSet(
                    s.key(),
                    s.file(),
                    s.name(),
                    s.manager(),
                    sub(s.installCmd(), value),
                    s.installCmdGiven(),
                    s.packages().stream().map(x -> sub(x, value)).toList(),
                    s.versionCommands(),
                    s.network())),
        c.mcpServers(),
        c.web(),
        c.resources(),
        c.environment(),
        c.controls());
  }

  private static String sub(String s, String value) {
    return s == null ? null : s.replace(VALUE, value);
  }

  private static <V> Map<String, V> mapValues(Map<String, V> map, Function<V, V> f) {
    Map<String, V> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, f.apply(v)));
    return out;
  }

  private static GuestConfig withSet(GuestConfig c, String key, List<String> packages) {
    PackageSet s = c.packageSets().get(key);
    assertThat(s).as("package set %s", key).isNotNull();
    Map<String, PackageSet> sets = new LinkedHashMap<>(c.packageSets());
    sets.put(
        key,
        new PackageSet(
            s.key(),
            s.file(),
            s.name(),
            s.manager(),
            s.installCmd(),
            s.installCmdGiven(),
            packages,
            s.versionCommands(),
            s.network()));
    return withSets(c, sets);
  }

  private static GuestConfig withInstallCmd(GuestConfig c, String command) {
    PackageSet s = c.packageSets().get("python");
    Map<String, PackageSet> sets = new LinkedHashMap<>(c.packageSets());
    sets.put(
        "python",
        new PackageSet(
            s.key(),
            s.file(),
            s.name(),
            "pip",
            command,
            true,
            s.packages(),
            s.versionCommands(),
            s.network()));
    return withSets(c, sets);
  }

  private static GuestConfig withSets(GuestConfig c, Map<String, PackageSet> sets) {
    return new GuestConfig(
        c.build(),
        c.manifest(),
        c.providers(),
        sets,
        c.mcpServers(),
        c.web(),
        c.resources(),
        c.environment(),
        c.controls());
  }

  private static GuestConfig withProviderInstall(
      GuestConfig c, String manager, String prefix, String pkg) {
    Map<String, AiProviderConfig> providers = new LinkedHashMap<>(c.providers());
    AiProviderConfig p = providers.values().iterator().next();
    providers.put(
        p.key(),
        new AiProviderConfig(
            p.key(),
            p.file(),
            p.name(),
            p.description(),
            true,
            p.apiKey(),
            p.network(),
            new Install(manager, prefix == null ? "" : prefix, List.of(pkg)),
            p.cli(),
            p.files()));
    return new GuestConfig(
        c.build(),
        c.manifest(),
        providers,
        c.packageSets(),
        c.mcpServers(),
        c.web(),
        c.resources(),
        c.environment(),
        c.controls());
  }

  private static GuestConfig withArch(GuestConfig c, Function<ArchConfig, ArchConfig> f) {
    return new GuestConfig(
        new GuestConfig.BuildConfig(
            c.build().compression(),
            c.build().compressionLevel(),
            mapValues(c.build().architectures(), f),
            c.build().versionCommands()),
        c.manifest(),
        c.providers(),
        c.packageSets(),
        c.mcpServers(),
        c.web(),
        c.resources(),
        c.environment(),
        c.controls());
  }
}
