package dev.capsem.it;

import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.GuestInputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the real image builds share: the engine check, the small test profile's scenario folder and
 * the build flags that name its inputs, and the machine's trust for the build.
 */
final class RealBuilds {

  private static final Path MACHINE_TRUST = Path.of("/etc/ssl/certs/ca-certificates.crt");

  private RealBuilds() {}

  /** Null when docker answers and has the base image, else what to do. */
  static String engineProblem() throws Exception {
    try {
      Process probe =
          new ProcessBuilder("docker", "image", "inspect", "debian:bookworm-slim")
              .redirectErrorStream(true)
              .start();
      String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
        return "no Docker engine with the base image debian:bookworm-slim ("
            + output.strip()
            + "): run scripts/container-engine.sh";
      }
      return null;
    } catch (IOException e) {
      return "docker is not installed (" + e.getMessage() + "): run scripts/setup-machine.sh";
    }
  }

  /**
   * Fills {@code scenario} with the small test profile ({@code ci-small.profile.toml}), its AI
   * provider, the guest inputs (artifacts, CA, placeholder guest binaries) and an empty wheel
   * folder.
   */
  static void smallProfileScenario(Path scenario) throws IOException {
    Files.createDirectories(scenario.resolve("providers"));
    copyResource("image-build/ci-small.profile.toml", scenario.resolve("ci-small.profile.toml"));
    copyResource(
        "image-build/providers/corp-assistant.toml",
        scenario.resolve("providers/corp-assistant.toml"));
    GuestInputs.artifacts(scenario.resolve("artifacts"));
    GuestInputs.caCertificate(scenario.resolve("capsem-ca.crt"));
    GuestInputs.guestBinaries(scenario.resolve("binaries"));
    Files.createDirectories(scenario.resolve("wheels"));
  }

  /**
   * The build flags naming the {@link #smallProfileScenario} inputs (kernel configs from {@code
   * defconfigDir}), Node from Debian, no uv, pip offline, and the {@link #machineTrust}.
   */
  static List<String> smallProfileInputs(String defconfigDir) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--binary-version",
                "1.0.1776688771",
                "--providers-dir",
                "providers",
                "--environment",
                Conformance.file("guest/config/vm/environment.toml").toString(),
                "--defconfig-dir",
                defconfigDir,
                "--artifacts",
                "artifacts",
                "--ca",
                "capsem-ca.crt",
                "--guest-binaries",
                "binaries",
                "--node-source",
                "debian",
                "--uv-installer",
                "none",
                "--python-wheels",
                "wheels"));
    args.addAll(machineTrust());
    return args;
  }

  /**
   * {@code --build-ca} with the machine's trust, which holds a TLS-inspecting proxy's CA where
   * there is one; nothing when the machine has no CA bundle.
   */
  static List<String> machineTrust() {
    return Files.isRegularFile(MACHINE_TRUST)
        ? List.of("--build-ca", MACHINE_TRUST.toString())
        : List.of();
  }

  static void copyResource(String resource, Path target) throws IOException {
    try (InputStream in = RealBuilds.class.getClassLoader().getResourceAsStream(resource)) {
      Files.write(target, in.readAllBytes());
    }
  }
}
