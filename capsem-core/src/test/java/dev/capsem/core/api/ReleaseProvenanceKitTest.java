package dev.capsem.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.internal.kit.GuestKit;
import dev.capsem.core.internal.provenance.Provenance;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.Downloader;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.FakeBuildEngine;
import dev.capsem.core.testing.FakeMinisign;
import dev.capsem.core.testing.FixedPorts;
import dev.capsem.core.testing.RunLengthCodec;
import dev.capsem.core.testing.Sha256Hasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signed release's provenance names the guest kit that supplied its inputs, by version. */
class ReleaseProvenanceKitTest {

  @TempDir Path temp;

  private Outcome<Release> release(boolean kit) throws Exception {
    Path profile = Conformance.file("config/profiles/base/coding.profile.toml");
    Path secretKey = temp.resolve("keys/release.key");
    Files.createDirectories(secretKey.getParent());
    FakeMinisign.keyGenerator()
        .generateFiles(
            temp.resolve("keys/release.pub"), secretKey, KeyProtection.unencrypted(), false);
    Capsem capsem =
        Capsem.with(
            FixedPorts.create()
                .withHasher(new Sha256Hasher())
                .withContainers(FakeBuildEngine.x86_64(), Downloader.none())
                .withSquashfsCodecs(List.of(new RunLengthCodec(SquashfsCodec.ZSTD)))
                .withSigning(
                    FakeMinisign.verifier(), FakeMinisign.signer(), FakeMinisign.keyGenerator()));
    ReleaseRequest.Builder request = ReleaseReadsTest.request(temp, profile);
    ImageOptions image = request.build().image();
    if (kit) {
      // The environment and artifacts from the kit; the operator's providers and defconfigs.
      image =
          image.toBuilder()
              .environment(null)
              .artifacts(null)
              .stateDir(new GivenPath(temp.resolve("state"), "state"))
              .build();
    }
    return capsem
        .releases()
        .release(
            request
                .image(image)
                .signing(
                    new ReleaseRequest.Signing(
                        new GivenPath(secretKey, "keys/release.key"),
                        PasswordSource.none(),
                        "no key",
                        "no password"))
                .stages(EnumSet.of(ReleaseStage.PACKAGE))
                .skipBootTest(true)
                .build(),
            BuildProgress.silent());
  }

  /** The in-toto statement inside the DSSE envelope the release wrote. */
  private String statement() throws Exception {
    Path envelope;
    try (Stream<Path> files = Files.walk(temp.resolve("out"))) {
      envelope =
          files
              .filter(p -> p.getFileName().toString().equals(Provenance.FILE_NAME))
              .findFirst()
              .orElseThrow();
    }
    Matcher payload =
        Pattern.compile("\"payload\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(envelope));
    assertThat(payload.find()).isTrue();
    return new String(Base64.getDecoder().decode(payload.group(1)), StandardCharsets.UTF_8);
  }

  @Test
  void release_inputsFromTheGuestKit_provenanceNamesTheKitsVersion() throws Exception {
    Outcome<Release> outcome = release(true);

    assertThat(outcome.ok()).as("%s %s", outcome.error(), outcome.diagnostics()).isTrue();
    String version = GuestKit.bundled().version();
    assertThat(statement())
        .contains(
            "{\"name\":\"guest-kit\",\"uri\":\"https://capsem.dev/guest-kit/"
                + version
                + "\",\"annotations\":{\"version\":\""
                + version
                + "\"}}");
  }

  @Test
  void release_everyInputTheOperators_provenanceHasNoGuestKit() throws Exception {
    Outcome<Release> outcome = release(false);

    assertThat(outcome.ok()).as("%s %s", outcome.error(), outcome.diagnostics()).isTrue();
    assertThat(statement()).contains("\"resolvedDependencies\"").doesNotContain("guest-kit");
  }
}
