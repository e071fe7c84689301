package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.kit.GuestKit;
import dev.capsem.core.testing.GuestInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guest kit through the real command line: a guest folder the product's own lint accepts. */
class GuestKitCommandsTest {

  @Test
  void workspaceValidate_materialisedKitWithTheOperatorsCa_isClean(@TempDir Path dir)
      throws Exception {
    Path kit = GuestKit.bundled().materialize(dir.resolve("kit"));
    GuestInputs.caCertificate(kit.resolve("artifacts/capsem-ca.crt"));

    AdminProcess.Run text =
        AdminProcess.run(dir, "workspace", "validate", "kit", "--artifacts", "kit/artifacts");
    AdminProcess.Run json =
        AdminProcess.run(
            dir, "workspace", "validate", "kit", "--artifacts", "kit/artifacts", "--json");

    assertThat(text.exitCode()).as(text.stdout() + text.stderr()).isZero();
    assertThat(text.stdout()).isEqualTo("passed: config is clean\n");
    assertThat(json.exitCode()).isZero();
    ObjectNode report = (ObjectNode) JsonReader.read(json.stdout(), JsonDialect.PYTHON);
    assertThat(report.string("schema")).isEqualTo("capsem.workspace-validation.v1");
    assertThat(json.stdout()).contains("\"ok\": true").contains("\"diagnostics\": []");
  }

  @Test
  void workspaceValidate_kitWithoutACa_namesTheMissingCaOnly(@TempDir Path dir) throws Exception {
    GuestKit.bundled().materialize(dir.resolve("kit"));

    AdminProcess.Run run =
        AdminProcess.run(dir, "workspace", "validate", "kit", "--artifacts", "kit/artifacts");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout().lines().filter(line -> line.startsWith("error")))
        .containsExactly(
            "error[E301] kit/artifacts/capsem-ca.crt: Missing CA certificate: capsem-ca.crt");
    assertThat(Files.exists(dir.resolve("kit/kit.properties"))).isTrue();
  }
}
