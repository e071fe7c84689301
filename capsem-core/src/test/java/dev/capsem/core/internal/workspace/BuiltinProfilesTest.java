package dev.capsem.core.internal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileWriter;
import dev.capsem.core.testing.Conformance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code profile init-builtins --revision 2026.0520.1} against upstream's committed profiles. */
class BuiltinProfilesTest {

  @Test
  void derive_upstreamGuestConfig_reproducesCommittedBuiltinsByteForByte() throws Exception {
    WorkspaceLint lint = WorkspaceLinter.lint(Conformance.file("guest"), "guest", null, null);

    List<ProfileCheck> builtins = BuiltinProfiles.derive(lint.config(), "2026.0520.1");

    assertThat(builtins).allMatch(ProfileCheck::ok);
    assertThat(ProfileWriter.toml(builtins.get(0).profile()))
        .isEqualTo(Conformance.text("config/profiles/base/everyday-work.profile.toml"));
    assertThat(ProfileWriter.toml(builtins.get(1).profile()))
        .isEqualTo(Conformance.text("config/profiles/base/coding.profile.toml"));
  }

  @Test
  void derive_upstreamGuestConfig_carriesProvidersToolsAndPackages() throws Exception {
    WorkspaceLint lint = WorkspaceLinter.lint(Conformance.file("guest"), "guest", null, null);

    Profile coding = BuiltinProfiles.derive(lint.config(), "2026.0520.9").get(1).profile();

    assertThat(coding.packages().apt()).containsEntry("coreutils", "*").hasSize(31);
    assertThat(coding.packages().pythonModules()).containsEntry("pytest", "*").hasSize(15);
    assertThat(coding.packages().nodePackages())
        .containsOnlyKeys("@google/gemini-cli", "@openai/codex");
    assertThat(coding.packages().runtimes()).containsEntry("node", "24");
    assertThat(coding.tools()).containsOnlyKeys("capsem_doctor", "claude", "gemini", "codex");
    assertThat(coding.tools().get("codex").required()).isTrue();
    assertThat(coding.mcpServers().get("local").command()).isEqualTo("/run/capsem-mcp-server");
    assertThat(coding.vm().memoryMib()).isEqualTo(4096);
    assertThat(coding.vm().diskMib()).isEqualTo(16384);
  }
}
