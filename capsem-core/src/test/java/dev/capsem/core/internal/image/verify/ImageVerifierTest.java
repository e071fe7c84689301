package dev.capsem.core.internal.image.verify;

import static dev.capsem.core.internal.image.version.VersionMatching.EXACT;
import static dev.capsem.core.internal.image.version.VersionMatching.RANGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.DiagnosticText;
import dev.capsem.core.diag.GivenPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way an image can fail verification, one at a time, through the public use case. */
class ImageVerifierTest {

  @TempDir Path dir;
  VerifyScenario scenario;

  @BeforeEach
  void setUp() {
    scenario = new VerifyScenario(dir);
  }

  @Test
  void verify_matchingAssetsAndInventories_isOk() {
    VerifyScenario.ImageVerification result = scenario.verify("all", EXACT);

    assertThat(result.ok()).isTrue();
    assertThat(result.report().assets()).hasSize(6).allMatch(AssetCheck::ok);
    assertThat(result.report().summaryLines())
        .containsExactly(
            "profile: corp-dev@2026.0520.11",
            "assets dir: assets",
            "assets: 6/6 ok",
            "package contract: 10/10 ok",
            "tool contract: 4/4 ok");
    assertThat(result.report().failureLines()).isEmpty();
  }

  @Test
  void verify_oneByteChanged_failsHashMismatch() throws IOException {
    byte[] bytes = Files.readAllBytes(scenario.asset("arm64", "kernel"));
    bytes[3] ^= 1;
    Files.write(scenario.asset("arm64", "kernel"), bytes);

    VerifyScenario.ImageVerification result = scenario.verify("all", EXACT);

    AssetCheck kernel = result.report().assets().get(0);
    assertThat(result.ok()).isFalse();
    assertThat(kernel.failure()).isEqualTo("hash_mismatch");
    assertThat(kernel.actualSize()).isEqualTo(kernel.expectedSize());
    assertThat(kernel.actualHash()).isEqualTo("blake3:" + ShaHasher.sha256(bytes));
    assertThat(result.report().failureLines())
        .containsExactly("arm64/kernel: hash_mismatch assets/arm64/vmlinuz");
  }

  @Test
  void verify_truncated_failsSizeMismatchAndStillReportsTheHash() throws IOException {
    byte[] bytes = Files.readAllBytes(scenario.asset("arm64", "initrd"));
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
    Files.write(scenario.asset("arm64", "initrd"), truncated);

    VerifyScenario.ImageVerification result = scenario.verify("all", EXACT);

    AssetCheck initrd = result.report().assets().get(1);
    assertThat(initrd.failure()).isEqualTo("size_mismatch");
    assertThat(initrd.actualSize()).isEqualTo(bytes.length - 1L);
    assertThat(initrd.actualHash()).isEqualTo("blake3:" + ShaHasher.sha256(truncated));
    assertThat(result.report().failureLines())
        .containsExactly("arm64/initrd: size_mismatch assets/arm64/initrd.img");
  }

  @Test
  void verify_extended_failsSizeMismatch() throws IOException {
    Files.write(
        scenario.asset("x86_64", "rootfs"),
        new byte[] {0},
        java.nio.file.StandardOpenOption.APPEND);

    VerifyScenario.ImageVerification result = scenario.verify("all", EXACT);

    AssetCheck rootfs = result.report().assets().get(5);
    assertThat(rootfs.failure()).isEqualTo("size_mismatch");
    assertThat(rootfs.actualSize()).isEqualTo(rootfs.expectedSize() + 1);
    assertThat(result.ok()).isFalse();
  }

  @Test
  void verify_missingAsset_failsMissingWithoutSizeOrHash() throws IOException {
    Files.delete(scenario.asset("arm64", "rootfs"));

    VerifyScenario.ImageVerification result = scenario.verify("all", EXACT);

    AssetCheck rootfs = result.report().assets().get(2);
    assertThat(rootfs.exists()).isFalse();
    assertThat(rootfs.failure()).isEqualTo("missing");
    assertThat(rootfs.actualSize()).isNull();
    assertThat(rootfs.actualHash()).isNull();
    assertThat(rootfs.toJson().has("actual_hash")).isFalse();
    assertThat(result.report().failureLines())
        .containsExactly("arm64/rootfs: missing assets/arm64/rootfs.squashfs");
  }

  @Test
  void verify_missingInventory_failsMissingForThatArchOnly() throws IOException {
    Files.delete(scenario.assets.resolve("x86_64/image-inventory.json"));

    VerifyScenario.ImageVerification result = scenario.verify("all", EXACT);

    InventoryCheck x86 = result.report().inventories().get(1);
    assertThat(result.ok()).isFalse();
    assertThat(result.report().inventories().get(0).ok()).isTrue();
    assertThat(x86.failure()).isEqualTo("missing");
    assertThat(x86.path()).isEqualTo("assets/x86_64/image-inventory.json");
    assertThat(x86.packageContract()).isEmpty();
    assertThat(result.report().failureLines())
        .containsExactly("x86_64/inventory: missing assets/x86_64/image-inventory.json");
  }

  @Test
  void verify_inventoryWithoutRequiredTool_failsMissingTool() throws IOException {
    scenario.writeInventory(
        "arm64", VerifyScenario.INVENTORY.replace(", \"codex\": \"0.17.0\"", ""));

    VerifyScenario.ImageVerification result = scenario.verify("arm64", EXACT);

    ContractCheck codex = result.report().inventories().get(0).toolContract().get(1);
    assertThat(result.ok()).isFalse();
    assertThat(codex.name()).isEqualTo("codex");
    assertThat(codex.failure()).isEqualTo("missing");
    assertThat(codex.actualVersion()).isNull();
    assertThat(codex.required()).isTrue();
    assertThat(result.report().failureLines())
        .containsExactly("arm64/tool/codex: missing expected=0.17.0 actual=None");
  }

  @Test
  void verify_optionalToolAbsent_isNotChecked() {
    VerifyScenario.ImageVerification result = scenario.verify("arm64", EXACT);

    assertThat(result.report().inventories().get(0).toolContract())
        .extracting(ContractCheck::name)
        .containsExactly("capsem_doctor", "codex");
  }

  @Test
  void verify_versionMismatch_failsVersionMismatch() throws IOException {
    scenario.writeInventory(
        "x86_64", VerifyScenario.INVENTORY.replace("\"curl\": \"8.0.0\"", "\"curl\": \"7.0.0\""));

    VerifyScenario.ImageVerification result = scenario.verify("all", EXACT);

    assertThat(result.ok()).isFalse();
    assertThat(result.report().failureLines())
        .containsExactly("x86_64/apt/curl: version_mismatch expected=8.0.0 actual=7.0.0");
  }

  @Test
  void verify_notAvailableVersion_neverSatisfiesEvenAWildcard() throws IOException {
    scenario.writeInventory(
        "arm64",
        VerifyScenario.INVENTORY.replace("\"coreutils\": \"9.1\"", "\"coreutils\": \"N/A\""));

    VerifyScenario.ImageVerification result = scenario.verify("arm64", RANGES);

    assertThat(result.report().failureLines())
        .containsExactly("arm64/apt/coreutils: version_mismatch expected=* actual=N/A");
  }

  @Test
  void verify_pythonNameCase_isExactAsUpstream() throws IOException {
    scenario.editProfile("\"pytest\": \"*\"", "\"PyTest\": \"*\"");

    VerifyScenario.ImageVerification result = scenario.verify("arm64", EXACT);

    assertThat(result.report().failureLines())
        .containsExactly("arm64/python/PyTest: missing expected=* actual=None");
  }

  @Test
  void verify_rangeTextUnderExactMatching_isALiteral() throws IOException {
    scenario.editProfile("\"curl\": \"8.0.0\"", "\"curl\": \">=8.0\"");

    VerifyScenario.ImageVerification result = scenario.verify("arm64", EXACT);

    assertThat(result.report().failureLines())
        .containsExactly("arm64/apt/curl: version_mismatch expected=>=8.0 actual=8.0.0");
  }

  @ParameterizedTest(name = "{0} {1} vs {2}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "apt|\"curl\": \">=1:7.0\"|\"curl\": \"8.0.0\"|false",
        "apt|\"curl\": \">=7.88,<9\"|\"curl\": \"8.0.0\"|true",
        "python|\"requests\": \"~=2.31\"|\"requests\": \"2.32.3\"|true",
        "python|\"requests\": \"<2.32.3\"|\"requests\": \"2.32.3rc1\"|false",
        "node|\"@openai/codex\": \"^0.1.0\"|\"@openai/codex\": \"0.1.9\"|true",
        "node|\"@openai/codex\": \"^0.1.0\"|\"@openai/codex\": \"0.2.0\"|false",
      })
  void verify_rangesMatching_usesTheEcosystemOrdering(
      String kind, String declared, String installed, boolean ok) throws IOException {
    String original =
        declared.substring(0, declared.indexOf(':'))
            + ": \""
            + switch (kind) {
              case "apt" -> "8.0.0";
              case "python" -> "2.32.3";
              default -> "0.1.0";
            }
            + "\"";
    scenario.editProfile(original, declared);
    scenario.writeInventory("arm64", VerifyScenario.INVENTORY.replace(original, installed));

    assertThat(scenario.verify("arm64", RANGES).ok()).isEqualTo(ok);
    assertThat(scenario.verify("arm64", EXACT).ok()).isFalse();
  }

  @Test
  void verify_invalidRangeUnderRanges_isRefusedWithE108AtTheValue() throws IOException {
    scenario.editProfile("\"requests\": \"2.32.3\"", "\"requests\": \"~=2\"");
    scenario.editProfile("\"version\": \"0.17.0\"", "\"version\": \">=0.17\"");

    VerifyScenario.ImageVerification result = scenario.verify("arm64", RANGES);

    assertThat(result.report()).isNull();
    assertThat(result.error()).isEqualTo("invalid version ranges in profile profile.json");
    assertThat(result.diagnostics()).extracting(d -> d.code()).containsOnly(Code.E108);
    assertThat(result.diagnostics().stream().map(DiagnosticText::human))
        .anyMatch(
            line ->
                line.matches(
                    "error\\[E108] profile\\.json:\\d+:\\d+: packages\\.python_modules\\.requests: not a PEP 440 range: .*"))
        .anyMatch(line -> line.contains("tools.codex.version: tool versions match exactly"));
  }

  @Test
  void verify_hashesAssetsInParallel() {
    CountDownLatch allStarted = new CountDownLatch(6);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    ShaHasher waitingForAll =
        new ShaHasher(
            file -> {
              threads.add(Thread.currentThread().getName());
              allStarted.countDown();
              try {
                // Sequential hashing would never get all six files in flight at once.
                assertThat(allStarted.await(10, TimeUnit.SECONDS)).isTrue();
              } catch (InterruptedException e) {
                throw new AssertionError(e);
              }
            });

    VerifyScenario.ImageVerification result = scenario.verify(waitingForAll, "all", null, EXACT);

    assertThat(result.ok()).isTrue();
    assertThat(threads).hasSize(6);
  }

  @Test
  void verify_unreadableAsset_isRefusedWithoutStackTrace() throws IOException {
    ShaHasher failing =
        new ShaHasher(
            file -> {
              throw new UncheckedIOException(new IOException("device not ready"));
            });

    VerifyScenario.ImageVerification result = scenario.verify(failing, "arm64", null, EXACT);

    assertThat(result.report()).isNull();
    assertThat(result.error()).startsWith("cannot read assets/arm64/").endsWith("device not ready");
  }

  @Test
  void verify_assetIsAFolder_isRefused() throws IOException {
    Files.delete(scenario.asset("arm64", "kernel"));
    Files.createDirectory(scenario.asset("arm64", "kernel"));

    VerifyScenario.ImageVerification result = scenario.verify("arm64", EXACT);

    assertThat(result.error()).isEqualTo("asset assets/arm64/vmlinuz is not a regular file");
  }

  @Test
  void verify_urlWithoutFileName_isRefusedAsUpstream() throws IOException {
    scenario.editProfile(
        "\"url\": \"https://assets.example.invalid/arm64/vmlinuz\"",
        "\"url\": \"https://assets.example.invalid/\"");

    VerifyScenario.ImageVerification result = scenario.verify("arm64", EXACT);

    assertThat(result.error())
        .isEqualTo("asset URL 'https://assets.example.invalid/' does not include a filename");
  }

  @Test
  void verify_inventoryFileForAllArches_isRefusedAsUpstream() {
    VerifyScenario.ImageVerification result =
        scenario.verify(
            new ShaHasher(),
            "all",
            new GivenPath(scenario.assets.resolve("arm64/image-inventory.json"), "inv.json"),
            EXACT);

    assertThat(result.error())
        .isEqualTo(
            "--inventory FILE can only be used with a single --arch; pass an inventory directory"
                + " for all-arch verification");
  }

  @Test
  void verify_inventoryFileForOneArch_isShownAsGiven() {
    VerifyScenario.ImageVerification result =
        scenario.verify(
            new ShaHasher(),
            "x86_64",
            new GivenPath(scenario.assets.resolve("arm64/image-inventory.json"), "./inv.json"),
            EXACT);

    assertThat(result.ok()).isTrue();
    assertThat(result.report().inventories())
        .singleElement()
        .extracting(InventoryCheck::path)
        .isEqualTo("inv.json");
  }

  @Test
  void verify_inventoryFolderWithoutAnArch_isRefusedAsUpstream() throws IOException {
    Path inventories = dir.resolve("inventories");
    Files.createDirectories(inventories.resolve("arm64"));
    Files.writeString(inventories.resolve("arm64/image-inventory.json"), VerifyScenario.INVENTORY);

    VerifyScenario.ImageVerification result =
        scenario.verify(new ShaHasher(), "all", new GivenPath(inventories, "inventories"), EXACT);

    assertThat(result.error())
        .isEqualTo(
            "missing image inventory for arch 'x86_64': inventories/x86_64/image-inventory.json");
  }

  @Test
  void verify_invalidInventory_isRefusedWithCodedDiagnostics() throws IOException {
    scenario.writeInventory(
        "arm64",
        "{\"schema\": \"capsem.image-inventory.v2\", \"apt\": {\"curl\": \"\"}, \"rpm\": {}}");

    VerifyScenario.ImageVerification result = scenario.verify("arm64", EXACT);

    assertThat(result.error())
        .isEqualTo("invalid image inventory assets/arm64/image-inventory.json");
    assertThat(result.diagnostics().stream().map(DiagnosticText::human))
        .containsExactly(
            "error[E011] assets/arm64/image-inventory.json:1:62: rpm: Extra inputs are not"
                + " permitted",
            "error[E005] assets/arm64/image-inventory.json:1:12: schema: Input should be"
                + " 'capsem.image-inventory.v1'",
            "error[E014] assets/arm64/image-inventory.json:1:57: apt.curl: String should have at"
                + " least 1 character");
  }

  @Test
  void verify_inventoryNotJson_isRefusedWithE002() throws IOException {
    scenario.writeInventory("arm64", "apt = {}\n");

    VerifyScenario.ImageVerification result = scenario.verify("arm64", EXACT);

    assertThat(result.diagnostics()).singleElement().extracting(d -> d.code()).isEqualTo(Code.E002);
  }

  @Test
  void verify_invalidProfile_isRefusedWithItsErrors() throws IOException {
    scenario.editProfile("\"cpus\": 4", "\"cpus\": 0");

    VerifyScenario.ImageVerification result = scenario.verify("arm64", EXACT);

    assertThat(result.error()).isEqualTo("invalid profile profile.json");
    assertThat(result.diagnostics()).extracting(d -> d.code()).containsExactly(Code.E013);
  }

  @Test
  void verify_archWithoutAssets_isRefusedWithE102() throws IOException {
    String text = Files.readString(scenario.profile);
    int start = text.indexOf(",\n      \"x86_64\": {");
    int end = text.indexOf("\n    }\n  },\n  \"packages\"");
    Files.writeString(scenario.profile, text.substring(0, start) + text.substring(end));

    VerifyScenario.ImageVerification result = scenario.verify("all", EXACT);

    assertThat(result.error())
        .isEqualTo(
            "profile 'corp-dev' revision '2026.0520.11' missing VM assets for arch 'x86_64'");
    assertThat(result.diagnostics()).extracting(d -> d.code()).containsExactly(Code.E102);
  }

  @Test
  void fileName_urlForms_lastPathSegmentAsPathlib() {
    assertThat(ImageVerifier.fileName("https://a.example/x/kernel")).isEqualTo("kernel");
    assertThat(ImageVerifier.fileName("https://a.example/x/rootfs.squashfs?v=2#frag"))
        .isEqualTo("rootfs.squashfs");
    assertThat(ImageVerifier.fileName("https://a.example/x/initrd/")).isEqualTo("initrd");
    assertThat(ImageVerifier.fileName("https://a.example/x%20y/vm%2Flinuz"))
        .isEqualTo("vm%2Flinuz");
    assertThat(ImageVerifier.fileName("https://a.example/q?path=/a/b")).isEqualTo("q");
  }
}
