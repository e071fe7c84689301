package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.workspace.WorkspaceLint;
import dev.capsem.core.internal.workspace.WorkspaceLinter;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.GuestInputs;
import dev.capsem.core.testing.Sha256Hasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageWorkspaceTest {

  @TempDir Path temp;

  private static Profile profile(String relative) {
    ProfileCheck check = ProfileReader.read(Conformance.file(relative), relative);
    assertThat(check.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    return check.profile();
  }

  private static ImagePlan plan(String relative, List<String> arches) {
    return ImagePlan.of(profile(relative), arches, new Sha256Hasher());
  }

  private ImageWorkspace.Derived derive(ImagePlan plan) {
    return ImageWorkspace.derive(plan, GuestInputs.sources(temp.resolve("inputs")), "p.toml");
  }

  /**
   * Upstream's files, by path, as bytes. The plan embeds the package-contract hash, which here
   * comes from a stand-in hasher: it is swapped for the vector's (the CLI tests compare it with
   * real BLAKE3).
   */
  private static void assertUpstreamFiles(
      ImageWorkspace.Derived derived, ImagePlan plan, String vectorDir) throws Exception {
    Path vectors = Conformance.file(vectorDir);
    List<Path> expected;
    try (Stream<Path> walk = Files.walk(vectors)) {
      expected = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(expected).hasSize(8);
    for (Path file : expected) {
      String relative = vectors.relativize(file).toString();
      WorkspaceFile ours =
          derived.files().stream().filter(f -> f.path().equals(relative)).findFirst().orElseThrow();
      String text = new String(ours.content(), StandardCharsets.UTF_8);
      String vector = Files.readString(file);
      if (relative.equals("image-plan.json")) {
        int at = vector.indexOf("blake3:");
        text = text.replace(plan.packageContractHash(), vector.substring(at, at + 71));
      }
      assertThat(text).as(relative).isEqualTo(vector);
    }
  }

  @Test
  void derive_codingProfileAllArches_upstreamFilesMatchTheVectorsByteForByte() throws Exception {
    ImagePlan plan = plan("config/profiles/base/coding.profile.toml", ArchSelection.ALL);
    ImageWorkspace.Derived derived = derive(plan);

    assertThat(derived.diagnostics()).isEmpty();
    assertUpstreamFiles(derived, plan, "derived/image-build/workspace/coding-all");
    assertUpstreamFiles(derived, plan, "captured/f1a612a3/image-workspace/ws-coding");
  }

  @Test
  void derive_fixtureArm64_upstreamFilesMatchTheVectorsByteForByte() throws Exception {
    ImagePlan plan = plan("schemas/fixtures/profile-v2-valid.json", List.of("arm64"));

    assertUpstreamFiles(derive(plan), plan, "derived/image-build/workspace/everyday-work-arm64");
  }

  @Test
  void derive_codingProfile_listsUpstreamFilesThenOursInTableOrder() {
    ImageWorkspace.Derived derived =
        derive(plan("config/profiles/base/coding.profile.toml", ArchSelection.ALL));

    assertThat(derived.files())
        .extracting(WorkspaceFile::path)
        .containsExactly(
            "profile.toml",
            "image-plan.json",
            "config/build.toml",
            "config/manifest.toml",
            "config/vm/resources.toml",
            "config/packages/apt.toml",
            "config/packages/python.toml",
            "config/packages/node.toml",
            "config/ai/anthropic.toml",
            "config/ai/google.toml",
            "config/ai/openai.toml",
            "config/mcp/local.toml",
            "config/security/controls.toml",
            "config/vm/environment.toml",
            "config/kernel/defconfig.arm64",
            "config/kernel/defconfig.x86_64",
            "artifacts/banner.txt",
            "artifacts/capsem-bashrc",
            "artifacts/capsem-bench",
            "artifacts/capsem-ca.crt",
            "artifacts/capsem-doctor",
            "artifacts/capsem-init",
            "artifacts/capsem_bench/__main__.py",
            "artifacts/diagnostics/test_placeholder.py",
            "artifacts/snapshots",
            "artifacts/tips.txt");
  }

  /**
   * Every generated workspace passes the lint. The only finding allowed is W001: the built-ins
   * install npm CLIs while their network policy asks before egress, which the brief's W001 is there
   * to point out.
   */
  @Test
  void write_everyGeneratedWorkspace_passesTheLint() throws Exception {
    for (ImagePlan plan :
        List.of(
            plan("config/profiles/base/coding.profile.toml", ArchSelection.ALL),
            plan("config/profiles/base/everyday-work.profile.toml", ArchSelection.ALL),
            plan("schemas/fixtures/profile-v2-valid.json", List.of("arm64")),
            plan("derived/image-build/plan/draft-corp-dev.profile.json", ArchSelection.ALL))) {
      Path out = temp.resolve("ws-" + plan.profile().id() + "-" + plan.arches().size());
      WorkspaceWriter.write(out, derive(plan).files());

      WorkspaceLint lint =
          WorkspaceLinter.lint(out, "ws", out.resolve("artifacts"), "ws/artifacts");

      assertThat(lint.ok()).as(plan.profile().reference()).isTrue();
      assertThat(lint.diagnostics())
          .as(plan.profile().reference())
          .allSatisfy(d -> assertThat(d.code()).isEqualTo(Code.W001));
      if (plan.profile().packages().nodePackages().isEmpty()) {
        assertThat(lint.diagnostics()).as(plan.profile().reference()).isEmpty();
      }
    }
  }

  @Test
  void derive_providerAndServer_takeEnabledCredentialsAndTransportFromTheProfile() {
    ImageWorkspace.Derived derived =
        derive(plan("config/profiles/base/coding.profile.toml", ArchSelection.ALL));

    String openai = text(derived, "config/ai/openai.toml");
    assertThat(openai)
        .startsWith("[openai]\nname = \"OpenAI\"\n")
        .contains("[openai.install]\nmanager = \"npm\"\nprefix = \"/opt/ai-clis\"")
        .contains("env_vars = [\n    \"OPENAI_API_KEY\",\n]");
    assertThat(text(derived, "config/mcp/local.toml"))
        .isEqualTo(
            "[local]\nname = \"local\"\ndescription = \"\"\ntransport = \"stdio\"\n"
                + "command = \"/run/capsem-mcp-server\"\nargs = []\nbuiltin = true\nenabled = true\n"
                + "\n[local.env]\n\n[local.headers]\n");
    assertThat(text(derived, "config/security/controls.toml"))
        .startsWith("[security.capabilities]\n");
  }

  @Test
  void derive_httpServerWithoutType_writesHttpTransportAndUrl() {
    ImageWorkspace.Derived derived =
        derive(plan("schemas/fixtures/profile-v2-valid.json", List.of("arm64")));

    assertThat(text(derived, "config/mcp/corp-http.toml"))
        .contains("transport = \"http\"\nurl = \"https://mcp.internal.example.com/mcp\"")
        .contains("[corp-http.headers]\nX-Capsem-Profile = \"everyday-work\"")
        .doesNotContain("bearerToken");
  }

  @Test
  void derive_missingInputs_reportsEveryOneAtOnce() throws Exception {
    ImagePlan plan = plan("config/profiles/base/coding.profile.toml", ArchSelection.ALL);
    Path empty = Files.createDirectories(temp.resolve("empty"));
    WorkspaceSources nothing =
        new WorkspaceSources(
            new GivenPath(empty.resolve("ai"), "none/ai"),
            new GivenPath(empty.resolve("environment.toml"), "none/environment.toml"),
            new GivenPath(empty.resolve("kernel"), "none/kernel"),
            new GivenPath(empty.resolve("artifacts"), "none/artifacts"),
            new GivenPath(empty.resolve("ca.crt"), "none/ca.crt"));

    ImageWorkspace.Derived derived = ImageWorkspace.derive(plan, nothing, "coding.profile.toml");

    assertThat(derived.ok()).isFalse();
    assertThat(derived.diagnostics())
        .extracting(Diagnostic::code)
        .containsExactlyInAnyOrder(
            Code.E106, Code.E106, Code.E106, Code.E016, Code.E304, Code.E304, Code.E302, Code.E302,
            Code.E302, Code.E302, Code.E302, Code.E302, Code.E302, Code.E302, Code.E302, Code.E301);
    assertThat(derived.diagnostics())
        .extracting(Diagnostic::message)
        .contains(
            "no provider definition for AI provider 'anthropic' (expected none/ai/anthropic.toml;"
                + " pass the folder of provider definitions)",
            "Missing required artifact: capsem-init",
            "Missing required directory: diagnostics",
            "Missing CA certificate: capsem-ca.crt");
  }

  @Test
  void nodeMajorProblem_nodeRuntimeLts_isE103() {
    Profile profile = profile("config/profiles/base/coding.profile.toml");
    Profile lts =
        new Profile(
            profile.id(),
            profile.revision(),
            profile.name(),
            profile.description(),
            profile.bestFor(),
            profile.profileType(),
            profile.ui(),
            profile.compatibility(),
            profile.aiProviders(),
            profile.mcpServers(),
            profile.vm(),
            new dev.capsem.core.internal.profile.PackageContract(
                java.util.Map.of("node", "lts"),
                java.util.Map.of(),
                java.util.Map.of(),
                "debian",
                "bookworm",
                java.util.Map.of()),
            profile.tools(),
            profile.security(),
            profile.document());

    assertThat(BuildLimits.nodeMajorProblem(lts, "p.toml"))
        .extracting(Diagnostic::code, Diagnostic::message)
        .containsExactly(
            Code.E103, "packages.runtimes.node 'lts' must start with an integer major version");
    assertThat(BuildLimits.nodeMajorProblem(profile, "p.toml")).isNull();
  }

  @Test
  void buildLimitProblems_tooManyCpus_isE107NamingTheField() {
    Profile profile = profile("config/profiles/base/coding.profile.toml");
    dev.capsem.core.internal.profile.VmSettings vm = profile.vm();
    Profile big =
        new Profile(
            profile.id(),
            profile.revision(),
            profile.name(),
            profile.description(),
            profile.bestFor(),
            profile.profileType(),
            profile.ui(),
            profile.compatibility(),
            profile.aiProviders(),
            profile.mcpServers(),
            new dev.capsem.core.internal.profile.VmSettings(
                20480, 12, vm.diskMib(), vm.network(), true, null, vm.assets()),
            profile.packages(),
            profile.tools(),
            profile.security(),
            profile.document());

    assertThat(BuildLimits.buildLimitProblems(big, "p.toml"))
        .extracting(Diagnostic::code, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Code.E107, "vm.cpus 12 exceeds the build limit 8"),
            org.assertj.core.groups.Tuple.tuple(
                Code.E107, "vm.memory_mib 20480 exceeds the build limit 17407"));
  }

  @Test
  void refusal_nonEmptyFolderWithoutForce_isUpstreamsMessage_forceKeepsUnrelatedFiles()
      throws Exception {
    Path out = Files.createDirectories(temp.resolve("ws"));
    Files.writeString(out.resolve("existing.txt"), "mine\n");

    assertThat(WorkspaceWriter.refusal(out, "ws", false))
        .isEqualTo("ws is not empty; pass --force to overwrite");
    assertThat(WorkspaceWriter.refusal(out, "ws", true)).isNull();
    WorkspaceWriter.write(
        out, derive(plan("config/profiles/base/coding.profile.toml", ArchSelection.ALL)).files());
    assertThat(out.resolve("existing.txt")).hasContent("mine");
    assertThat(out.resolve("config/build.toml")).exists();
  }

  private static String text(ImageWorkspace.Derived derived, String path) {
    return derived.files().stream()
        .filter(f -> f.path().equals(path))
        .map(f -> new String(f.content(), StandardCharsets.UTF_8))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + path));
  }
}
