package dev.capsem.docker.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.capsem.core.internal.oci.BaseImageDigests;
import dev.capsem.core.internal.oci.PinnedImage;
import dev.capsem.docker.DockerCli;
import dev.capsem.docker.RealEngineAccess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base image digests from the real engine ({@code debian:bookworm-slim}, made by debootstrap) and
 * from a real registry the engine pushed that image to: each is compared with what Docker itself
 * reports, through another command than the one the resolver runs.
 */
class BaseImageDigestsRealTest {

  @TempDir Path temp;

  @Test
  void resolve_locallyMadeImage_isTheEngineImageId() throws Exception {
    DockerCli docker = RealEngineAccess.require();
    BaseImageDigests digests =
        new BaseImageDigests(OciRegistries.jib(RegistryAccess.anonymous(), null), docker);

    BaseImageDigests.Resolution resolution = digests.resolve("debian:bookworm-slim");

    String listed = docker("images", "--no-trunc", "--format", "{{.ID}}", "debian:bookworm-slim");
    assertThat(resolution.diagnostics()).isEmpty();
    assertThat(resolution.image().source()).isEqualTo(PinnedImage.ENGINE);
    assertThat(resolution.image().digest()).isEqualTo(listed.strip());
    assertThat(resolution.image().pinned()).isEqualTo(listed.strip());
  }

  @Test
  void resolve_imagePushedToRegistry_isTheRepoDigestDockerReports() throws Exception {
    DockerCli docker = RealEngineAccess.require();
    try (LocalRegistry server = LocalRegistry.start(temp, false, false)) {
      String tag = server.address() + "/library/debian:bookworm-slim";
      docker("tag", "debian:bookworm-slim", tag);
      try {
        docker("push", tag);
        String repoDigests = docker("image", "inspect", "--format", "{{json .RepoDigests}}", tag);
        BaseImageDigests digests =
            new BaseImageDigests(OciRegistries.jib(RegistryAccess.anonymous(), null), docker);

        BaseImageDigests.Resolution resolution = digests.resolve(tag);

        assertThat(resolution.diagnostics()).isEmpty();
        assertThat(resolution.image().source()).isEqualTo(PinnedImage.REGISTRY);
        assertThat(repoDigests).contains(resolution.image().pinned());
        assertThat(resolution.image().pinned())
            .startsWith(server.address() + "/library/debian@sha256:");
      } finally {
        docker("rmi", tag);
      }
    }
  }

  private static String docker(String... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("docker"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      fail(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }
}
