package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerArchImageTest {

  @Test
  void of_officialImageByTag_isDockersPerArchitectureRepository() {
    assertThat(PerArchImage.of("debian:bookworm-slim", "linux/arm64"))
        .isEqualTo("arm64v8/debian:bookworm-slim");
    assertThat(PerArchImage.of("debian:bookworm-slim", "linux/arm64/v8"))
        .isEqualTo("arm64v8/debian:bookworm-slim");
    assertThat(PerArchImage.of("debian:trixie-slim", "linux/amd64"))
        .isEqualTo("amd64/debian:trixie-slim");
  }

  @Test
  void of_officialImageSpelledInFull_dropsTheLibraryNamespace() {
    assertThat(PerArchImage.of("library/debian:12", "linux/arm64")).isEqualTo("arm64v8/debian:12");
    assertThat(PerArchImage.of("docker.io/library/debian", "linux/arm64"))
        .isEqualTo("arm64v8/debian:latest");
  }

  @Test
  void of_privateDigestPinnedOrUnknownPlatform_isTheImageItself() {
    assertThat(PerArchImage.of("registry.corp.example/debian:12", "linux/arm64"))
        .isEqualTo("registry.corp.example/debian:12");
    assertThat(PerArchImage.of("corp/debian:12", "linux/arm64")).isEqualTo("corp/debian:12");
    String pinned = "debian@sha256:" + "a".repeat(64);
    assertThat(PerArchImage.of(pinned, "linux/arm64")).isEqualTo(pinned);
    assertThat(PerArchImage.of("debian:12", "linux/riscv64")).isEqualTo("debian:12");
  }
}
