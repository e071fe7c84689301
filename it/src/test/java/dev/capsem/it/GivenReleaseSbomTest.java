package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.testing.SpdxValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Every SBOM of a release made elsewhere passes SPDX's validator: {@code CAPSEM_RELEASE_DIR} names
 * the release's publish folder, e.g. the build-real scenario's, which is the bundled example's
 * release ({@code it/target/it-maven-3.9/build-real/target/capsem/publish}). The scenario itself
 * checks that the SBOM lists every package dpkg-query lists in a container of the image.
 */
@EnabledIfEnvironmentVariable(named = "CAPSEM_RELEASE_DIR", matches = ".+")
class GivenReleaseSbomTest {

  @Test
  void everySbomOfTheRelease_passesSpdxValidation() throws Exception {
    Path sboms = Path.of(System.getenv("CAPSEM_RELEASE_DIR")).resolve("sbom");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sboms)) {
      files = walk.filter(p -> p.toString().endsWith(".spdx.json")).sorted().toList();
    }

    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String json = Files.readString(file);
      assertThat(SpdxValidation.errors(json)).as(file.toString()).isEmpty();
      ObjectNode sbom = (ObjectNode) JsonReader.read(json, JsonDialect.PYTHON);
      int packages = ((ArrayNode) sbom.get("packages")).items().size();
      assertThat(packages).as(file.toString()).isPositive();
      System.out.printf("%s: valid SPDX, %d packages%n", file, packages);
    }
  }
}
