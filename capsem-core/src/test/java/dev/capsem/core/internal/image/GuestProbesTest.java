package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestProbesTest {

  @TempDir Path temp;

  @Test
  void toolVersionsScript_codingWorkspace_hasSystemAndAiSections() throws Exception {
    String script = GuestProbes.toolVersionsScript(TestWorkspaces.coding(temp).config());

    assertThat(script)
        .contains("echo '# System'")
        .contains("capsem_version node 'node --version 2>&1 | tr -d v'")
        .contains("echo '# AI CLIs'")
        .contains("capsem_version claude")
        .contains("capsem_version gemini")
        .contains("capsem_version codex")
        .doesNotContain("# Python");
  }

  @Test
  void missingAiVersions_naOrEmptyOrAbsent_areListed() throws Exception {
    var config = TestWorkspaces.coding(temp).config();

    assertThat(
            GuestProbes.missingAiVersions(
                "# System\nnode=24.1.0\n# AI CLIs\nclaude=2.1.0\ngemini=N/A\n", config))
        .containsExactly("gemini", "codex");
    assertThat(GuestProbes.missingAiVersions("claude=1\ngemini=2\ncodex=3\n", config)).isEmpty();
  }

  @Test
  void inventoryConfig_versionCommandsSortedWithCapsemDoctor() throws Exception {
    String config =
        GuestProbes.inventoryConfig(TestWorkspaces.coding(temp).config(), "/opt/ai-clis");

    assertThat(config)
        .startsWith("{\"npm_prefix\":\"/opt/ai-clis\",\"version_commands\":{\"capsem_doctor\":")
        .contains("\"capsem-doctor --version\"");
    assertThat(config.indexOf("\"claude\"")).isLessThan(config.indexOf("\"codex\""));
  }

  @Test
  void inventoryDocument_rewritesInUpstreamsOrderWithoutTrailingNewline() {
    String printed =
        "{\"apt\": {\"zlib1g\": \"1.2\", \"bash\": \"5.2\"}, \"node_packages\": {},"
            + " \"python_modules\": {\"six\": \"1.16.0\"}, \"schema\":"
            + " \"capsem.image-inventory.v1\", \"tools\": {\"node\": \"N/A\"}}\n";

    assertThat(GuestProbes.inventoryDocument(printed))
        .isEqualTo(
            "{\n  \"schema\": \"capsem.image-inventory.v1\",\n  \"apt\": {\n    \"bash\": \"5.2\",\n"
                + "    \"zlib1g\": \"1.2\"\n  },\n  \"python_modules\": {\n    \"six\": \"1.16.0\"\n"
                + "  },\n  \"node_packages\": {},\n  \"tools\": {\n    \"node\": \"N/A\"\n  }\n}");
  }

  @Test
  void inventoryDocument_emptyVersionOrUnknownField_isRefused() {
    assertThatThrownBy(() -> GuestProbes.inventoryDocument("{\"apt\": {\"x\": \"\"}}"))
        .hasMessageContaining("apt.x has no version");
    assertThatThrownBy(() -> GuestProbes.inventoryDocument("{\"rpm\": {}}"))
        .hasMessageContaining("unknown field 'rpm'");
    assertThatThrownBy(() -> GuestProbes.inventoryDocument("Traceback"))
        .hasMessageContaining("no JSON");
  }
}
