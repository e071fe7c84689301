package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The boot proof in the release, through the real {@code bin/capsem-admin release}: the kit image
 * ({@link KitImage}, whose build the release reuses: same inputs, same assets folder) is booted
 * under QEMU before anything is signed, and its doctor bundle is what the verify stage reads; the
 * same image released with a profile that requires a tool the rootfs lacks stops at the boot with
 * E503 and leaves nothing signed.
 */
@ExtendWith(KitImage.Provider.class)
@EnabledIfEnvironmentVariable(named = "CAPSEM_SLOW_IT", matches = "1")
class ReleaseBootRealTest {

  private static final Duration RELEASE_TIMEOUT = Duration.ofMinutes(30);

  private static void requireQemu() throws Exception {
    Process probe =
        new ProcessBuilder("qemu-system-x86_64", "--version").redirectErrorStream(true).start();
    probe.getInputStream().readAllBytes();
    if (probe.waitFor() != 0) {
      KitImage.requireOrSkip("qemu-system-x86_64 does not run (scripts/setup-machine.sh)");
    }
  }

  /** {@code capsem-admin release} of {@code profile} in {@code dir}, signed with a fresh key. */
  private static AdminProcess.Run release(KitImage image, Path dir, String profile)
      throws Exception {
    AdminProcess.Run keys =
        AdminProcess.run(dir, "key", "generate", "--out-dir", "keys", "--unencrypted", "--force");
    assertThat(keys.exitCode()).as(keys.stderr()).isZero();
    List<String> args =
        new ArrayList<>(
            List.of(
                "release",
                profile,
                "--out",
                ".",
                "--snapshot",
                "--key",
                "keys/minisign.key",
                "--arch",
                "x86_64",
                "--binary-version",
                "1.0.1776688771",
                "--guest-dir",
                image.kit().toString(),
                "--ca",
                image.ca().toString(),
                "--guest-binaries",
                image.dir.resolve("binaries").toString(),
                "--node-source",
                "none",
                "--uv-installer",
                "none",
                "--kernel-source",
                KitImage.kernelSource().toString(),
                "--kernel-sha256",
                KitImage.sha256(KitImage.kernelSource())));
    args.addAll(RealBuilds.machineTrust());
    long started = System.nanoTime();
    AdminProcess.Run run =
        AdminProcess.run(
            dir,
            Map.of("SOURCE_DATE_EPOCH", KitImage.EPOCH),
            RELEASE_TIMEOUT,
            args.toArray(String[]::new));
    System.out.printf(
        "release in %s: exit %d in %d s%n%s%n",
        dir.getFileName(),
        run.exitCode(),
        Duration.ofNanos(System.nanoTime() - started).toSeconds(),
        run.stderr());
    return run;
  }

  private static List<Path> signatures(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".minisig")).toList();
    }
  }

  @Test
  void release_kitImage_bootsItBeforeSigningAndVerifiesItsDoctorBundle(KitImage image)
      throws Exception {
    requireQemu();

    AdminProcess.Run run = release(image, image.dir, KitImage.PROFILE);

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stderr()).contains("image test x86_64: ").contains(" checks passed under ");
    String release = Files.readString(image.dir.resolve("release.json"));
    assertThat(release).contains("\"boot_test\": \"passed\"").contains("\"signed\": true");
    // The results, in the order the steps ran: the boot first of all after the build.
    int booted = release.indexOf("\"image test x86_64: ");
    int sbom = release.indexOf("guest-sbom.spdx.json");
    int signed = release.indexOf("release-sign.json\"");
    assertThat(booted).as(release).isPositive().isLessThan(sbom).isLessThan(signed);
    String test = Files.readString(image.dir.resolve("image-test.json"));
    assertThat(test)
        .contains("\"schema\": \"capsem.image-test.v1\"")
        .contains("\"ok\": true")
        .contains("\"failed\": 0")
        .contains("x86_64/doctor-bundle.tar\"");
    String verify = Files.readString(image.dir.resolve("image-verify.json"));
    assertThat(verify).contains("doctor-bundle.tar").doesNotContain("\"ok\": false");
    assertThat(signatures(image.dir.resolve("assets"))).isNotEmpty();
  }

  /** The rootfs lacks jq, which this variant of the profile requires: the boot says so. */
  @Test
  void release_rootfsMissingARequiredTool_stopsAtTheBootWithE503AndSignsNothing(KitImage image)
      throws Exception {
    requireQemu();
    Path dir = Files.createDirectories(image.dir.resolveSibling("kit-release-broken"));
    copyAssets(image.assets(), dir.resolve("assets"));
    String profile =
        Files.readString(image.profile())
            .replace(
                "[tools.bash]\n",
                "[tools.jq]\nversion = \"*\"\nrequired = true\nsource = \"guest\"\n\n[tools.bash]\n");
    Files.writeString(dir.resolve(KitImage.PROFILE), profile);

    AdminProcess.Run run = release(image, dir, KitImage.PROFILE);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr())
        .contains("E503")
        .contains("x86_64: check tools/jq failed: 'jq --version' failed (status 127)")
        .contains("boot test failed (E503)");
    String release = Files.readString(dir.resolve("release.json"));
    assertThat(release)
        .contains("\"signed\": false")
        .contains("\"failure\": \"boot test failed (E503)\"")
        .contains("\"boot_test\": \"failed\"");
    assertThat(signatures(dir)).isEmpty();
    assertThat(dir.resolve("image-verify.json")).doesNotExist();
  }

  /** The kit image's assets and build record, without any signature an earlier release made. */
  private static void copyAssets(Path from, Path to) throws Exception {
    if (Files.exists(to)) {
      try (Stream<Path> walk = Files.walk(to)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        String name = source.getFileName().toString();
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else if (!name.endsWith(".minisig") && !name.equals("doctor-bundle.tar")) {
          Files.copy(source, target);
        }
      }
    }
  }
}
