package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.GuestInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bin/capsem-admin image plan|build-workspace|build --dry-run} against the plan and
 * workspace vectors, run from a scenario folder with relative arguments as the vectors were made.
 */
class ImageCommandsConformanceTest {

  @TempDir Path scenario;
  private List<String> inputs;

  /** The workspace inputs: upstream's guest config in place, our artifacts and test CA. */
  @BeforeEach
  void inputs() {
    Path guest = Conformance.file("guest/config");
    GuestInputs.artifacts(scenario.resolve("inputs/artifacts"));
    GuestInputs.caCertificate(scenario.resolve("inputs/capsem-ca.crt"));
    inputs =
        List.of(
            "--providers-dir",
            guest.resolve("ai").toString(),
            "--environment",
            guest.resolve("vm/environment.toml").toString(),
            "--defconfig-dir",
            guest.resolve("kernel").toString(),
            "--artifacts",
            "inputs/artifacts",
            "--ca",
            "inputs/capsem-ca.crt");
  }

  private AdminProcess.Run admin(List<String> args) throws Exception {
    List<String> all = new ArrayList<>(args);
    return AdminProcess.run(scenario, all.toArray(String[]::new)).assertNoStackTrace();
  }

  private static List<String> args(String... args) {
    return new ArrayList<>(List.of(args));
  }

  @ParameterizedTest
  @CsvSource({
    "schemas/fixtures/profile-v2-valid.json, arm64, profile-v2-valid.arm64",
    "derived/image-build/plan/draft-corp-dev.profile.json, all, draft-corp-dev.all",
    "config/profiles/base/coding.profile.toml, all, coding.all"
  })
  void imagePlanJson_vectorInput_printsTheVectorByteForByte(
      String profile, String arch, String expected) throws Exception {
    AdminProcess.Run run =
        admin(
            args("image", "plan", Conformance.file(profile).toString(), "--arch", arch, "--json"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout())
        .isEqualTo(
            Conformance.text("derived/image-build/plan/" + expected + ".image-plan.stdout.json"));
  }

  @Test
  void imagePlan_fixtureWithoutX86Assets_isUpstreamsErrorThenE102() throws Exception {
    AdminProcess.Run run =
        admin(
            args(
                "image",
                "plan",
                Conformance.file("schemas/fixtures/profile-v2-valid.json").toString(),
                "--json"));

    assertThat(run.exitCode()).isEqualTo(1);
    // --json: the failure is a report on standard output too (issue 13); stderr stays upstream's.
    assertThat(run.stdout())
        .contains("\"schema\": \"capsem.failure.v1\"")
        .contains("\"code\": \"E102\"");
    assertThat(run.stderr())
        .startsWith(Conformance.text("derived/image-build/plan/profile-v2-valid.all.error.txt"))
        .contains("error[E102] ");
  }

  @Test
  void imagePlan_unknownArch_isAUsageError() throws Exception {
    AdminProcess.Run run =
        admin(
            args(
                "image",
                "plan",
                Conformance.file("schemas/fixtures/profile-v2-valid.json").toString(),
                "--arch",
                "riscv"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("Invalid value for '--arch': 'riscv'");
  }

  @Test
  void imagePlanText_codingProfile_printsUpstreamsSummary() throws Exception {
    AdminProcess.Run run =
        admin(
            args(
                "image",
                "plan",
                Conformance.file("config/profiles/base/coding.profile.toml").toString()));

    assertThat(run.stdout())
        .isEqualTo(
            "profile: coding@2026.0520.1\nguest ABI: capsem-guest-v2\n"
                + "package contract: blake3:87a396558c0ad6454e97a1f3eade3c446900e623900fc4d7b13249344311ad78\n"
                + "arches: arm64, x86_64\nsystem: debian bookworm\ntools: 4\n");
  }

  @ParameterizedTest
  @CsvSource({
    "config/profiles/base/coding.profile.toml, all, build/coding-image, coding-all, derived/image-build/workspace/coding-all",
    "config/profiles/base/coding.profile.toml, all, ws-coding, coding-all, captured/f1a612a3/image-workspace/ws-coding",
    "schemas/fixtures/profile-v2-valid.json, arm64, build/everyday-work-image, everyday-work-arm64, derived/image-build/workspace/everyday-work-arm64"
  })
  void buildWorkspace_vectorProfile_upstreamFilesAndReportMatchThenOursFollow(
      String profile, String arch, String out, String report, String files) throws Exception {
    List<String> command =
        args(
            "image",
            "build-workspace",
            Conformance.file(profile).toString(),
            "--out",
            out,
            "--arch",
            arch,
            "--json");
    command.addAll(inputs);

    AdminProcess.Run run = admin(command);

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    ObjectNode ours = (ObjectNode) JsonReader.read(run.stdout(), JsonDialect.PYTHON);
    String expected =
        files.startsWith("captured")
            ? Conformance.text("captured/f1a612a3/image-workspace/ws-coding.report.json")
            : Conformance.text(
                "derived/image-build/workspace/" + report + ".workspace-report.stdout.json");
    assertThat(JsonPrinter.pretty().printLine(withoutOurFiles(ours, 8))).isEqualTo(expected);
    Path vectors = Conformance.file(files);
    try (Stream<Path> walk = Files.walk(vectors)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        assertThat(scenario.resolve(out).resolve(vectors.relativize(file).toString()))
            .as(file.toString())
            .hasSameBinaryContentAs(file);
      }
    }
    AdminProcess.Run lint =
        admin(args("workspace", "validate", out, "--artifacts", out + "/artifacts"));
    // Generated workspaces pass the lint; the brief's W001 is the one finding expected, for
    // profiles that install npm packages without a rule letting the build reach the registry.
    assertThat(lint.exitCode()).isZero();
    for (String line : lint.stdout().split("\n")) {
      assertThat(line)
          .matches(
              "warn\\[W001] config/\\S+: \\S+: npm packages declared but no profile rule permits"
                  + " registry access \\(registry.npmjs.org\\)|\\d+ warning\\(s\\), 0 errors -- passed|"
                  + "passed: config is clean|");
    }
  }

  @Test
  void buildWorkspace_nonEmptyOutWithoutForce_refusesThenForceKeepsOtherFiles() throws Exception {
    Files.createDirectories(scenario.resolve("ws"));
    Files.writeString(scenario.resolve("ws/existing.txt"), "mine\n");
    List<String> command =
        args(
            "image",
            "build-workspace",
            Conformance.file("config/profiles/base/coding.profile.toml").toString(),
            "--out",
            "ws");
    command.addAll(inputs);

    AdminProcess.Run refused = admin(command);
    command.add("--force");
    AdminProcess.Run forced = admin(command);

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.stderr()).startsWith("Error: ws is not empty; pass --force to overwrite\n");
    assertThat(forced.exitCode()).isZero();
    assertThat(forced.stdout()).contains("workspace: ws\n").contains("files: 26\n");
    assertThat(scenario.resolve("ws/existing.txt")).hasContent("mine");
  }

  @Test
  void buildDryRun_fixtureKernelArm64_matchesTheVectorWithoutOurAdditions() throws Exception {
    List<String> command =
        args(
            "image",
            "build",
            Conformance.file("schemas/fixtures/profile-v2-valid.json").toString(),
            "--workspace-dir",
            "build/everyday-work-image",
            "--arch",
            "arm64",
            "--template",
            "kernel",
            "--dry-run",
            "--json");
    command.addAll(inputs);

    AdminProcess.Run run = admin(command);

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    ObjectNode ours = (ObjectNode) JsonReader.read(run.stdout(), JsonDialect.PYTHON);
    ObjectNode upstream =
        ObjectNode.builder()
            .put("schema", ours.get("schema"))
            .put("ok", ours.get("ok"))
            .put("dry_run", ours.get("dry_run"))
            .put("profile_id", ours.get("profile_id"))
            .put("profile_revision", ours.get("profile_revision"))
            .put("output_dir", ours.get("output_dir"))
            .put("workspace", withoutOurFiles(ours.object("workspace"), 8))
            .put("template", ours.get("template"))
            .build();
    assertThat(JsonPrinter.pretty().printLine(upstream))
        .isEqualTo(
            Conformance.text(
                "derived/image-build/workspace/everyday-work-arm64.build-dry-run.stdout.json"));
    assertThat(ours.keys())
        .containsExactly(
            "schema",
            "ok",
            "dry_run",
            "profile_id",
            "profile_revision",
            "output_dir",
            "workspace",
            "template",
            "diagnostics",
            "commands",
            "inputs");
    assertThat(scenario.resolve("assets")).doesNotExist();
  }

  @Test
  void buildDryRun_allTemplates_printsEveryContainerCommandAndRunsNone() throws Exception {
    Path binaries = scenario.resolve("binaries");
    GuestInputs.guestBinaries(binaries);
    List<String> command =
        args(
            "image",
            "build",
            Conformance.file("config/profiles/base/coding.profile.toml").toString(),
            "--arch",
            "all",
            "--dry-run",
            "--json",
            "--guest-binaries",
            binaries.toString());
    command.addAll(inputs);

    AdminProcess.Run run = admin(command);

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    ObjectNode report = (ObjectNode) JsonReader.read(run.stdout(), JsonDialect.PYTHON);
    List<String> lines = new ArrayList<>();
    for (var item : ((ArrayNode) report.get("commands")).items()) {
      ObjectNode c = (ObjectNode) item;
      List<String> argv = new ArrayList<>();
      ((ArrayNode) c.get("argv"))
          .items()
          .forEach(a -> argv.add(((dev.capsem.core.internal.json.StringNode) a).value()));
      lines.add(c.string("arch") + " " + c.string("step") + ": " + String.join(" ", argv));
    }
    assertThat(lines)
        .anyMatch(l -> l.startsWith("arm64 kernel: docker build --platform linux/arm64"))
        .anyMatch(l -> l.startsWith("arm64 initrd: docker cp <initrd-container>:/bin/busybox"))
        // The rootfs is streamed from the export into our squashfs writer: no second container.
        .anyMatch(
            l -> l.startsWith("x86_64 squashfs: docker export <rootfs-container> -o /dev/stdout"))
        .noneMatch(l -> l.contains("<squashfs-container>"))
        .anyMatch(l -> l.startsWith("x86_64 inventory: docker run --rm --platform linux/amd64"));
    assertThat(run.stderr()).contains("==> arm64 kernel").contains("  -> docker build");
    assertThat(scenario.resolve("assets")).doesNotExist();
  }

  @Test
  void buildDryRun_withoutBinaryVersion_pairsWithTheTargetedReleaseAndSaysSo() throws Exception {
    List<String> command =
        args(
            "image",
            "build",
            Conformance.file("config/profiles/base/coding.profile.toml").toString(),
            "--arch",
            "x86_64",
            "--dry-run",
            "--json");
    command.addAll(inputs);

    AdminProcess.Run run = admin(command);

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    ObjectNode inputs =
        ((ObjectNode) JsonReader.read(run.stdout(), JsonDialect.PYTHON)).object("inputs");
    assertThat(inputs.string("binary_version"))
        .isEqualTo("1.0.1776688771 (the Capsem release capsem-java targets)");
    assertThat(inputs.string("providers")).endsWith("guest/config/ai");
    assertThat(inputs.string("ca_certificate")).isEqualTo("inputs/capsem-ca.crt");
    assertThat(inputs.string("guest_binaries")).startsWith("none (no folder given");
  }

  /** A workspace report without the files ours adds after upstream's first {@code n}. */
  private static ObjectNode withoutOurFiles(ObjectNode report, int n) {
    ArrayNode files = (ArrayNode) report.get("files");
    return report.with("files", ArrayNode.of(files.items().subList(0, n)));
  }
}
