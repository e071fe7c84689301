package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.profile.AiProvider;
import dev.capsem.core.internal.profile.McpServer;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ProfileWriter;
import dev.capsem.core.internal.toml.TomlWriter;
import dev.capsem.core.internal.workspace.ProviderDefinitions;
import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Derives a build workspace from a profile: first the eight files upstream writes, byte for byte
 * and in upstream's order, then ours (decision D5): AI providers, MCP servers, security controls,
 * the VM environment, kernel defconfigs and the guest artifacts.
 */
public final class ImageWorkspace {

  public static final String SCHEMA = "capsem.image-workspace.v1";

  /** Upstream's constant changelog date, kept so that the workspace hashes match upstream's. */
  static final String CHANGELOG_DATE = "2026-05-20";

  static final List<String> ARTIFACT_FILES =
      List.of(
          "capsem-init",
          "capsem-bashrc",
          "banner.txt",
          "tips.txt",
          "capsem-doctor",
          "capsem-bench",
          "snapshots");
  static final List<String> ARTIFACT_DIRS = List.of("capsem_bench", "diagnostics");

  /** The files of a workspace, or every reason why it cannot be derived. */
  public record Derived(List<WorkspaceFile> files, List<Diagnostic> diagnostics) {
    public Derived {
      files = List.copyOf(files);
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
      return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
  }

  private final Profile profile;
  private final ImagePlan plan;
  private final String profileShown;
  private final List<WorkspaceFile> files = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private ImageWorkspace(Profile profile, ImagePlan plan, String profileShown) {
    this.profile = profile;
    this.plan = plan;
    this.profileShown = profileShown;
  }

  /**
   * Derives every file for {@code plan}'s architectures; {@code sources} supplies what the profile
   * does not say. Nothing is written.
   */
  public static Derived derive(ImagePlan plan, WorkspaceSources sources, String profileShown) {
    ImageWorkspace workspace = new ImageWorkspace(plan.profile(), plan, profileShown);
    workspace.upstreamFiles();
    workspace.providers(sources.providers());
    workspace.mcpServers();
    workspace.controls();
    workspace.copy("config/vm/environment.toml", sources.environment());
    workspace.defconfigs(sources.defconfigs());
    workspace.artifacts(sources.artifacts(), sources.caCertificate());
    return new Derived(workspace.files, workspace.diagnostics);
  }

  // Upstream's files, rows 1-8 of image-build.md §3.2.

  private void upstreamFiles() {
    text("profile.toml", ProfileWriter.toml(profile));
    text("image-plan.json", JsonPrinter.pretty().print(plan.document()));
    toml("config/build.toml", buildToml());
    toml("config/manifest.toml", manifestToml());
    toml("config/vm/resources.toml", resourcesToml());
    packageSet("apt", profile.packages().apt(), "=", aptSet());
    packageSet("python", profile.packages().pythonModules(), "==", pythonSet());
    packageSet("node", profile.packages().nodePackages(), "@", nodeSet());
  }

  private ObjectNode buildToml() {
    ObjectNode.Builder arches = ObjectNode.builder();
    for (String arch : plan.arches()) {
      boolean arm = arch.equals("arm64");
      arches.put(
          arch,
          ObjectNode.builder()
              .put("base_image", "debian:" + profile.packages().release() + "-slim")
              .put("docker_platform", arm ? "linux/arm64" : "linux/amd64")
              .put("rust_target", arm ? "aarch64-unknown-linux-musl" : "x86_64-unknown-linux-musl")
              .put("kernel_branch", "6.6")
              .put("kernel_image", arm ? "arch/arm64/boot/Image" : "arch/x86_64/boot/bzImage")
              .put("defconfig", "kernel/defconfig." + arch)
              .put("node_major", nodeMajor())
              .build());
    }
    return ObjectNode.builder()
        .put(
            "build",
            ObjectNode.builder()
                .put("compression", "zstd")
                .put("compression_level", 15)
                .put(
                    "version_commands",
                    ObjectNode.builder()
                        .put("node", "node --version 2>&1 | tr -d v")
                        .put("npm", "npm --version 2>&1")
                        .put("uv", "uv --version 2>&1 | awk '{print $2}'")
                        .put("pip", "pip3 --version 2>&1 | awk '{print $2}'")
                        .build())
                .put("architectures", arches.build())
                .build())
        .build();
  }

  /**
   * {@code int(node or "24")} up to the first dot; callers check {@link
   * BuildLimits#nodeMajorProblem}.
   */
  private long nodeMajor() {
    String node = profile.packages().runtimes().get("node");
    if (node == null || node.isEmpty()) {
      node = "24";
    }
    String major = node.contains(".") ? node.substring(0, node.indexOf('.')) : node;
    Matcher matcher = BuildLimits.INTEGER_MAJOR.matcher(major);
    if (!matcher.matches()) {
      throw new IllegalStateException("node runtime without an integer major: " + node);
    }
    return Long.parseLong(major.strip());
  }

  private ObjectNode manifestToml() {
    return ObjectNode.builder()
        .put(
            "image",
            ObjectNode.builder()
                .put("name", profile.id())
                .put("version", profile.revision())
                .put("description", "Profile-derived image workspace for " + profile.name())
                .put(
                    "changelog",
                    ArrayNode.of(
                        List.of(
                            ObjectNode.builder()
                                .put("version", profile.revision())
                                .put("date", CHANGELOG_DATE)
                                .put(
                                    "changes",
                                    ArrayNode.ofStrings(
                                        List.of(
                                            "Generated from signed Profile V2 package/tool"
                                                + " contract.")))
                                .build())))
                .build())
        .build();
  }

  private ObjectNode resourcesToml() {
    return ObjectNode.builder()
        .put(
            "resources",
            ObjectNode.builder()
                .put("cpu_count", profile.vm().cpus())
                .put("ram_gb", Math.max(1, Math.floorDiv(profile.vm().memoryMib(), 1024)))
                .put(
                    "scratch_disk_size_gb",
                    Math.max(1, Math.floorDiv(profile.vm().diskMib(), 1024)))
                .put("log_bodies", BooleanNode.of(false))
                .put("max_body_capture", 4096)
                .put("retention_days", 30)
                .put("max_sessions", 100)
                .put("min_content_sessions", 25)
                .put("max_disk_gb", 100)
                .put("terminated_retention_days", 365)
                .build())
        .build();
  }

  private record SetHeader(
      String name, String manager, String installCmd, String network, List<String> domains) {}

  private static SetHeader aptSet() {
    return new SetHeader(
        "Profile System Packages",
        "apt",
        "apt-get install -y --no-install-recommends",
        "Debian",
        List.of("deb.debian.org", "security.debian.org"));
  }

  private static SetHeader pythonSet() {
    return new SetHeader(
        "Profile Python Packages",
        "uv",
        "uv pip install --system --break-system-packages",
        "PyPI",
        List.of("pypi.org", "files.pythonhosted.org"));
  }

  private static SetHeader nodeSet() {
    return new SetHeader(
        "Profile Node Packages", "npm", "npm install -g", "npm", List.of("registry.npmjs.org"));
  }

  private void packageSet(
      String key, Map<String, String> packages, String separator, SetHeader header) {
    if (packages.isEmpty()) {
      return;
    }
    List<String> specs = new ArrayList<>();
    for (Map.Entry<String, String> entry : new TreeMap<>(packages).entrySet()) {
      String version = entry.getValue();
      boolean floating =
          version.equals("*") || version.equals("latest") || version.equals("build-time");
      specs.add(floating ? entry.getKey() : entry.getKey() + separator + version);
    }
    ObjectNode set =
        ObjectNode.builder()
            .put("name", header.name())
            .put("manager", header.manager())
            .put("install_cmd", header.installCmd())
            .put("packages", ArrayNode.ofStrings(specs))
            .put(
                "network",
                ObjectNode.builder()
                    .put("name", header.network())
                    .put("domains", ArrayNode.ofStrings(header.domains()))
                    .put("allow_get", BooleanNode.of(true))
                    .build())
            .build();
    toml("config/packages/" + key + ".toml", ObjectNode.builder().put(key, set).build());
  }

  // Ours, rows 9-14 of image-build.md §3.9.

  private void providers(GivenPath definitions) {
    for (AiProvider provider : profile.aiProviders().values()) {
      ProviderDefinitions.Definition definition =
          ProviderDefinitions.load(
              definitions.path(),
              definitions.shown(),
              provider.id(),
              profileShown,
              "ai.providers." + provider.id());
      diagnostics.addAll(definition.diagnostics());
      if (definition.table() == null) {
        continue;
      }
      ObjectNode table = definition.table();
      if (provider.enabled() != null) {
        table = table.with("enabled", BooleanNode.of(provider.enabled()));
      }
      if (!provider.credentialRefs().isEmpty()) {
        table =
            table.with(
                "api_key",
                table
                    .object("api_key")
                    .with("env_vars", ArrayNode.ofStrings(provider.credentialRefs())));
      }
      text(
          "config/ai/" + provider.id() + ".toml",
          TomlWriter.write(ObjectNode.builder().put(provider.id(), table).build()));
    }
  }

  private void mcpServers() {
    for (McpServer server : profile.mcpServers().values()) {
      ObjectNode.Builder table =
          ObjectNode.builder()
              .put("name", server.name())
              .put("description", "")
              .put("transport", transport(server));
      if (server.command() != null) {
        table.put("command", server.command());
      }
      if (server.url() != null) {
        table.put("url", server.url());
      }
      table
          .put("args", ArrayNode.ofStrings(server.args()))
          .put("env", strings(server.env()))
          .put("headers", strings(server.headers()))
          .put("builtin", BooleanNode.of("/run/capsem-mcp-server".equals(server.command())))
          .put("enabled", BooleanNode.of(server.enabled()));
      toml(
          "config/mcp/" + server.name() + ".toml",
          ObjectNode.builder().put(server.name(), table.build()).build());
    }
  }

  private static String transport(McpServer server) {
    if (server.type() != null) {
      return server.type();
    }
    return server.command() != null ? "stdio" : "http";
  }

  private static ObjectNode strings(Map<String, String> values) {
    ObjectNode.Builder out = ObjectNode.builder();
    values.forEach(out::put);
    return out.build();
  }

  private void controls() {
    Node security = profile.document().object("security");
    text(
        "config/security/controls.toml",
        TomlWriter.write(ObjectNode.builder().put("security", security).build()));
  }

  private void defconfigs(GivenPath folder) {
    for (String arch : plan.arches()) {
      String name = "defconfig." + arch;
      Path source = folder.path().resolve(name);
      if (!Files.isRegularFile(source)) {
        diagnostics.add(
            new Diagnostic(
                Code.E304,
                folder.resolve(name).shown(),
                "",
                null,
                "Missing kernel defconfig for "
                    + arch
                    + ": kernel/"
                    + name
                    + " (add config/kernel/"
                    + name
                    + ")"));
        continue;
      }
      copy("config/kernel/" + name, new GivenPath(source, folder.resolve(name).shown()));
    }
  }

  /** E302 for an artifact file or folder the build needs. */
  private void missingArtifact(GivenPath folder, String name, String what) {
    diagnostics.add(
        new Diagnostic(
            Code.E302,
            folder.resolve(name).shown(),
            "",
            null,
            "Missing required " + what + ": " + name));
  }

  private void artifacts(GivenPath folder, GivenPath ca) {
    TreeMap<String, WorkspaceFile> sorted = new TreeMap<>(Comparator.naturalOrder());
    for (String name : ARTIFACT_FILES) {
      Path source = folder.path().resolve(name);
      if (!Files.isRegularFile(source)) {
        missingArtifact(folder, name, "artifact");
        continue;
      }
      sorted.put("artifacts/" + name, read("artifacts/" + name, source));
    }
    for (String name : ARTIFACT_DIRS) {
      Path dir = folder.path().resolve(name);
      if (!Files.isDirectory(dir)) {
        missingArtifact(folder, name, "directory");
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          String relative =
              "artifacts/" + folder.path().relativize(file).toString().replace('\\', '/');
          sorted.put(relative, read(relative, file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + folder.resolve(name).shown(), e);
      }
    }
    if (!Files.isRegularFile(ca.path())) {
      diagnostics.add(
          new Diagnostic(Code.E301, ca.shown(), "", null, "Missing CA certificate: capsem-ca.crt"));
    } else {
      sorted.put("artifacts/capsem-ca.crt", read("artifacts/capsem-ca.crt", ca.path()));
    }
    files.addAll(sorted.values());
  }

  private void copy(String target, GivenPath source) {
    if (!Files.isRegularFile(source.path())) {
      diagnostics.add(
          new Diagnostic(
              Code.E016,
              source.shown(),
              "",
              null,
              "Missing required file: " + source.path().getFileName()));
      return;
    }
    files.add(read(target, source.path()));
  }

  private static WorkspaceFile read(String target, Path source) {
    try {
      return new WorkspaceFile(target, Files.readAllBytes(source), Files.isExecutable(source));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  /**
   * A TOML file the workspace makes from its own typed values: the text for the disk, and the tree
   * the build binds without parsing that text again.
   */
  private void toml(String path, ObjectNode tree) {
    String text = TomlWriter.write(tree);
    text = text.endsWith("\n") ? text : text + "\n";
    files.add(new WorkspaceFile(path, text.getBytes(StandardCharsets.UTF_8), false, tree));
  }

  /** Upstream's writer: UTF-8 text, one newline appended when the text does not end in one. */
  private void text(String path, String content) {
    String text = content.endsWith("\n") ? content : content + "\n";
    files.add(new WorkspaceFile(path, text.getBytes(StandardCharsets.UTF_8), false));
  }

  /** {@code capsem.image-workspace.v1} for files as written. */
  public static ObjectNode report(
      ImagePlan plan, String outShown, List<WorkspaceFile> files, Hasher hasher) {
    List<Node> entries = new ArrayList<>();
    for (WorkspaceFile file : files) {
      entries.add(
          ObjectNode.builder()
              .put("path", file.path())
              .put("size", file.size())
              .put("hash", "blake3:" + hasher.hex(file.content()))
              .build());
    }
    return ObjectNode.builder()
        .put("schema", SCHEMA)
        .put("profile_id", plan.profile().id())
        .put("profile_revision", plan.profile().revision())
        .put("out_dir", dev.capsem.core.internal.report.PythonPath.normalize(outShown))
        .put("package_contract_hash", plan.packageContractHash())
        .put("arches", ArrayNode.of(plan.arches().stream().map(StringNode::of).toList()))
        .put("files", ArrayNode.of(entries))
        .build();
  }
}
