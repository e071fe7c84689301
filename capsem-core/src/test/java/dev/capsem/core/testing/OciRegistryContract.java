package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.ArtifactFile;
import dev.capsem.core.ports.ArtifactLayer;
import dev.capsem.core.ports.ArtifactNames;
import dev.capsem.core.ports.OciArtifact;
import dev.capsem.core.ports.OciReference;
import dev.capsem.core.ports.OciRegistry;
import dev.capsem.core.ports.PublishedArtifact;
import dev.capsem.core.ports.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link OciRegistry} must do, run against the fake and the real adapter: push a set of
 * files as one artifact, pull it back byte for byte, refuse a corrupted blob, another artifact type
 * and an unknown tag, and resolve a tag to the pushed manifest's digest.
 */
public abstract class OciRegistryContract {

  protected static final String TYPE = "application/vnd.capsem.test.v1";

  @TempDir protected Path temp;

  /** The registry under test. */
  protected abstract OciRegistry registry();

  /** {@code REGISTRY/REPOSITORY:tag} in the registry under test. */
  protected abstract OciReference reference(String repository, String tag);

  /** Changes the stored bytes of blob {@code digest} (not its name or size). */
  protected abstract void corruptBlob(String digest) throws IOException;

  @Test
  void pushThenPull_threeFiles_sameBytesNamesTypesAndAnnotations() throws Exception {
    OciArtifact artifact = artifact(1);
    OciReference target = reference("contract/round-trip", "v1");

    PublishedArtifact pushed = registry().push(target, artifact);
    Path out = Files.createDirectories(temp.resolve("out"));
    PublishedArtifact pulled = registry().pull(target, TYPE, out);

    assertThat(pulled.manifestDigest()).isEqualTo(pushed.manifestDigest()).startsWith("sha256:");
    assertThat(pulled.artifactType()).isEqualTo(TYPE);
    assertThat(pulled.layers()).hasSize(3);
    for (ArtifactFile file : artifact.files()) {
      Path copy = out.resolve(file.name());
      assertThat(copy).hasSameBinaryContentAs(file.source());
      ArtifactLayer layer =
          pulled.layers().stream()
              .filter(l -> l.name().equals(file.name()))
              .findFirst()
              .orElseThrow();
      assertThat(layer.mediaType()).isEqualTo(file.mediaType());
      assertThat(layer.digest()).isEqualTo("sha256:" + sha256(file.source()));
      assertThat(layer.size()).isEqualTo(Files.size(file.source()));
      assertThat(layer.annotations())
          .containsEntry(ArtifactNames.TITLE, file.name())
          .containsAllEntriesOf(file.annotations());
    }
  }

  @Test
  void resolveDigest_pushedTag_isTheManifestDigest() throws Exception {
    OciReference target = reference("contract/resolve", "v1");
    PublishedArtifact pushed = registry().push(target, artifact(2));

    assertThat(registry().resolveDigest(target)).isEqualTo(pushed.manifestDigest());
  }

  @Test
  void pull_corruptedBlob_failsWithDigestMismatch() throws Exception {
    OciReference target = reference("contract/corrupt", "v1");
    PublishedArtifact pushed = registry().push(target, artifact(3));
    corruptBlob(pushed.layers().get(1).digest());

    assertThatThrownBy(
            () -> registry().pull(target, TYPE, Files.createDirectories(temp.resolve("out"))))
        .isInstanceOf(RegistryException.class)
        .satisfies(
            e -> {
              assertThat(((RegistryException) e).kind())
                  .isEqualTo(RegistryException.Kind.DIGEST_MISMATCH);
              assertThat(e.getMessage()).contains(pushed.layers().get(1).name());
            });
  }

  @Test
  void pull_otherArtifactType_isRefused() throws Exception {
    OciReference target = reference("contract/type", "v1");
    registry().push(target, artifact(4));

    assertThatThrownBy(
            () ->
                registry()
                    .pull(
                        target,
                        "application/vnd.other.v1",
                        Files.createDirectories(temp.resolve("out"))))
        .isInstanceOf(RegistryException.class)
        .extracting(e -> ((RegistryException) e).kind())
        .isEqualTo(RegistryException.Kind.NOT_AN_ARTIFACT);
  }

  @Test
  void pull_unknownTag_isNotFound() throws Exception {
    registry().push(reference("contract/missing", "v1"), artifact(5));

    assertThatThrownBy(
            () ->
                registry()
                    .pull(
                        reference("contract/missing", "nope"),
                        TYPE,
                        Files.createDirectories(temp.resolve("out"))))
        .isInstanceOf(RegistryException.class)
        .extracting(e -> ((RegistryException) e).kind())
        .isEqualTo(RegistryException.Kind.NOT_FOUND);
  }

  /** Three files with seeded random bytes, one of them in a sub-folder. */
  protected OciArtifact artifact(long seed) throws IOException {
    Random random = new Random(seed);
    Path dir = Files.createDirectories(temp.resolve("in-" + seed));
    List<ArtifactFile> files = new ArrayList<>();
    String[][] specs = {
      {"x86_64/rootfs.squashfs", "application/vnd.capsem.rootfs.v1"},
      {"manifest.json", "application/json"},
      {"B3SUMS", "text/plain"}
    };
    for (String[] spec : specs) {
      Path file = dir.resolve(spec[0]);
      Files.createDirectories(file.getParent());
      byte[] bytes = new byte[1 + random.nextInt(200_000)];
      random.nextBytes(bytes);
      Files.write(file, bytes);
      files.add(
          new ArtifactFile(spec[0], file, spec[1], Map.of("dev.capsem.test", "seed-" + seed)));
    }
    return new OciArtifact(TYPE, files);
  }

  protected static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
