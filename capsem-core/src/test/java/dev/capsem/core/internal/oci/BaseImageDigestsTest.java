package dev.capsem.core.internal.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.ports.OciReference;
import dev.capsem.core.testing.FakeContainerRuntime;
import dev.capsem.core.testing.FakeOciRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which source a base image's digest comes from; the real engine and registry are tested in the
 * adapter.
 */
class BaseImageDigestsTest {

  private static final String DIGEST = "sha256:" + "3f".repeat(32);

  @Test
  void resolve_referenceNamingARegistry_asksTheRegistryAndPinsByDigest() {
    FakeOciRegistry registry = new FakeOciRegistry();
    registry.addImage(OciReference.parse("ghcr.io/corp/base:1"), DIGEST);
    FakeContainerRuntime engine = new FakeContainerRuntime(Set.of());

    BaseImageDigests.Resolution resolution =
        new BaseImageDigests(registry, engine).resolve("ghcr.io/corp/base:1");

    assertThat(resolution.image())
        .isEqualTo(
            new PinnedImage(
                "ghcr.io/corp/base:1", DIGEST, "registry", "ghcr.io/corp/base@" + DIGEST));
    assertThat(engine.executed()).isEmpty();
  }

  @Test
  void resolve_unknownInRegistry_E559() {
    BaseImageDigests.Resolution resolution =
        new BaseImageDigests(new FakeOciRegistry(), new FakeContainerRuntime(Set.of()))
            .resolve("ghcr.io/corp/base:2");

    assertThat(resolution.diagnostics()).extracting(d -> d.code()).containsExactly(Code.E559);
  }

  @Test
  void resolve_hubNameMissingOnEngine_E559NamingTheFix() {
    BaseImageDigests.Resolution resolution =
        new BaseImageDigests(new FakeOciRegistry(), new FakeContainerRuntime(Set.of()))
            .resolve("debian:bookworm-slim");

    assertThat(resolution.ok()).isFalse();
    assertThat(resolution.diagnostics().get(0).code()).isEqualTo(Code.E559);
    assertThat(resolution.diagnostics().get(0).message()).contains("scripts/container-engine.sh");
  }

  @Test
  void resolve_engineAnswerIsNoDigest_E559() {
    // The fake engine answers "sha256:fake": anything but sha256 and 64 hex digits is refused.
    BaseImageDigests.Resolution resolution =
        new BaseImageDigests(
                new FakeOciRegistry(), new FakeContainerRuntime(Set.of("debian:bookworm-slim")))
            .resolve("debian:bookworm-slim");

    assertThat(resolution.diagnostics()).extracting(d -> d.code()).containsExactly(Code.E559);
  }

  @Test
  void parse_names_registryOnlyWhenTheFirstComponentIsAHost() {
    assertThat(OciReference.parse("debian:bookworm-slim").explicitRegistry()).isFalse();
    assertThat(OciReference.parse("debian:bookworm-slim").repository()).isEqualTo("library/debian");
    assertThat(OciReference.parse("corp/base").tag()).isEqualTo("latest");
    assertThat(OciReference.parse("localhost/corp/base:1").explicitRegistry()).isTrue();
    assertThat(OciReference.parse("127.0.0.1:5000/corp/base@" + DIGEST).qualifier())
        .isEqualTo(DIGEST);
    assertThat(OciReference.parse("127.0.0.1:5000/corp/base:1").loopback()).isTrue();
    assertThat(OciReference.parse("registry.corp:5000/corp/base:1").loopback()).isFalse();
  }
}
