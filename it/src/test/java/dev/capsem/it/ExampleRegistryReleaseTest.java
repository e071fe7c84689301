package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.capsem.docker.oci.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's scenario on the bundled example: {@code capsem-admin release} of {@code
 * examples/corp-dev} published to Debian's {@code docker-registry} on loopback ({@code
 * --publish-to}: the release profile and the catalog name the registry's blob URLs, and the deploy
 * stage pushes the publish folder). The release is pulled back into an empty folder, and the pulled
 * files pass {@code image verify}, {@code provenance verify} and {@code manifest check --download
 * --pubkey}, which fetches every payload from the registry; a blob tampered in the registry's
 * storage is caught at pull (E554) and leaves nothing.
 *
 * <p>The release uses build-real's inputs (the tests' kernel tarball, the kit image's date), so the
 * engine's layer cache serves the kernel compile. Opt-in ({@code CAPSEM_SLOW_IT=1}): a whole
 * example release with its boot takes minutes.
 */
@EnabledIfEnvironmentVariable(named = "CAPSEM_SLOW_IT", matches = "1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExampleRegistryReleaseTest {

  private static final Duration RELEASE_TIMEOUT = Duration.ofMinutes(45);
  private static final String RELEASE_PROFILE = "release/profiles/corp-dev-2026.0520.1.json";

  @TempDir static Path scenario;

  private static LocalRegistry registry;
  private static String target;

  @BeforeAll
  static void engineRegistryAndKey() throws Exception {
    String problem = RealBuilds.engineProblem();
    if (problem == null && KitImage.kernelSource() == null) {
      problem = "no kernel source tarball (scripts/kernel-source.sh)";
    }
    if (problem != null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + problem);
      }
      Assumptions.abort(problem + "; skipping the example's registry release");
    }
    registry = LocalRegistry.start(scenario, false, false);
    target = registry.address() + "/capsem/corp-dev:2026.0520.1";
    ok(admin(List.of("key", "generate", "--out-dir", "keys", "--unencrypted")), "key generate");
  }

  @AfterAll
  static void stopRegistry() throws Exception {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  @Order(1)
  void release_publishedToTheRegistry_isPulledBackWhole_andPassesEveryCheck() throws Exception {
    Path example = AdminProcess.repositoryRoot().resolve("examples/corp-dev");
    AdminProcess.Run release =
        ok(
            admin(
                List.of(
                    "release",
                    example.resolve("profiles/corp-dev.profile.toml").toString(),
                    "--out",
                    "release",
                    "--arch",
                    "x86_64",
                    "--python-wheels",
                    example.resolve("wheels").toString(),
                    "--kernel-source",
                    KitImage.kernelSource().toString(),
                    "--publish-to",
                    target,
                    "--key",
                    "keys/minisign.key")),
            "release --publish-to");
    assertThat(release.stdout() + release.stderr()).contains(target);
    Path published = scenario.resolve("release/publish");
    assertThat(Files.readString(published.resolve(RELEASE_PROFILE)))
        .as("the release profile names the registry's blobs")
        .contains("http://" + registry.address() + "/v2/capsem/corp-dev/blobs/sha256:");
    assertThat(Files.readString(published.resolve("release/manifest.json")))
        .as("the catalog names the release profile's blob")
        .contains("http://" + registry.address() + "/v2/capsem/corp-dev/blobs/sha256:");

    AdminProcess.Run pull =
        ok(
            admin(
                List.of(
                    "release",
                    "pull",
                    target,
                    "--out",
                    "pulled",
                    "--pubkey",
                    "keys/minisign.pub",
                    "--json")),
            "release pull");
    assertThat(pull.stdout()).contains("capsem.release-pull.v1").doesNotContain("W550");
    Path pulled = scenario.resolve("pulled");
    Map<String, String> pulledFiles = ReleaseFiles.b3sums(pulled);
    assertThat(pulledFiles).as("the pulled files").isEqualTo(ReleaseFiles.b3sums(published));
    assertThat(pulledFiles)
        .containsKeys("assets/x86_64/rootfs.squashfs", "provenance.intoto.jsonl");

    ok(
        admin(
            List.of(
                "image",
                "verify",
                "pulled/" + RELEASE_PROFILE,
                "--assets-dir",
                "pulled/assets",
                "--arch",
                "x86_64",
                "--json")),
        "image verify of the pulled release");
    AdminProcess.Run provenance =
        ok(
            admin(
                List.of(
                    "provenance",
                    "verify",
                    "pulled",
                    "--pubkey",
                    "keys/minisign.pub",
                    "--builder",
                    "urn:capsem:builder:capsem-java",
                    "--json")),
            "provenance verify of the pulled release");
    assertThat(provenance.stdout()).contains("\"ok\": true");
    AdminProcess.Run check =
        ok(
            admin(
                List.of(
                    "manifest",
                    "check",
                    "pulled/release/manifest.json",
                    "--download",
                    "--download-dir",
                    "downloaded",
                    "--pubkey",
                    "keys/minisign.pub",
                    "--json")),
            "manifest check --download from the registry");
    assertThat(ReleaseFiles.b3sums(scenario.resolve("downloaded")))
        .as("what the catalog check fetched from the registry's blob URLs")
        .containsValue(pulledFiles.get("assets/x86_64/rootfs.squashfs"))
        .containsValue(pulledFiles.get(RELEASE_PROFILE));
    System.out.printf(
        "the example's release went through %s: %d files pulled back, image verify, provenance"
            + " verify and manifest check --download passed%n",
        target, pulledFiles.size());
  }

  @Test
  @Order(2)
  void pull_ofABlobTamperedInTheRegistry_isE554AndLeavesNothing() throws Exception {
    Assumptions.assumeTrue(
        Files.isDirectory(scenario.resolve("pulled")), "the example's release was not published");
    AdminProcess.Run clean =
        ok(admin(List.of("release", "pull", target, "--out", "probe", "--json")), "pull");
    String digest = ReleaseFiles.layerDigest(clean.stdout(), "sbom/x86_64/guest-sbom.spdx.json");
    ReleaseFiles.flipOneBit(registry.blobData(digest));

    AdminProcess.Run pull =
        admin(
            List.of(
                "release",
                "pull",
                target,
                "--out",
                "pulled-tampered",
                "--pubkey",
                "keys/minisign.pub",
                "--json"));

    assertThat(pull.exitCode()).as(pull.stderr()).isNotZero();
    assertThat(pull.stdout()).contains("E554").contains("sbom/x86_64/guest-sbom.spdx.json");
    assertThat(scenario.resolve("pulled-tampered")).doesNotExist();
  }

  private static AdminProcess.Run admin(List<String> args) throws Exception {
    // The kit image's date, as build-real's: the engine's cache holds its kernel compile.
    return AdminProcess.run(
            scenario,
            Map.of("SOURCE_DATE_EPOCH", "1776729600"),
            RELEASE_TIMEOUT,
            args.toArray(String[]::new))
        .assertNoStackTrace();
  }

  private static AdminProcess.Run ok(AdminProcess.Run run, String what) {
    assertThat(run.exitCode()).as("%s:\n%s\n%s", what, run.stdout(), run.stderr()).isZero();
    return run;
  }
}
