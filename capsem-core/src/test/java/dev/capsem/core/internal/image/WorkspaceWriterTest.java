package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.internal.workspace.GuestConfigs;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.GuestInputs;
import dev.capsem.core.testing.Sha256Hasher;
import dev.capsem.core.testing.TreeEdit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, finding 5: a forced write removes what this product wrote there before for another
 * profile, and only that.
 */
class WorkspaceWriterTest {

  @TempDir Path temp;

  private static WorkspaceFile file(String path, String text) {
    return new WorkspaceFile(path, text.getBytes(StandardCharsets.UTF_8), false);
  }

  @Test
  void write_again_removesTheFilesOnlyTheEarlierWriteMadeAndKeepsTheUsers() throws Exception {
    Path dir = temp.resolve("ws");
    WorkspaceWriter.write(
        dir,
        List.of(
            file("profile.toml", "a"),
            file("config/packages/node.toml", "[node]"),
            file("config/ai/gone.toml", "[gone]"),
            file("config/ai/kept.toml", "[kept]")));
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Files.writeString(dir.resolve("config/ai/mine.toml"), "# my own");

    WorkspaceWriter.write(
        dir, List.of(file("profile.toml", "b"), file("config/ai/kept.toml", "[kept2]")));

    assertThat(dir.resolve("config/packages")).doesNotExist();
    assertThat(dir.resolve("config/ai/gone.toml")).doesNotExist();
    assertThat(dir.resolve("config/ai/kept.toml")).hasContent("[kept2]");
    assertThat(dir.resolve("config/ai/mine.toml")).hasContent("# my own");
    assertThat(dir.resolve("notes.txt")).hasContent("mine");
    assertThat(dir.resolve("profile.toml")).hasContent("b");
  }

  @Test
  void write_recordEditedToPointOutside_deletesNothingOutside() throws Exception {
    Path dir = temp.resolve("ws");
    Path outside = Files.writeString(temp.resolve("precious.txt"), "keep");
    WorkspaceWriter.write(dir, List.of(file("profile.toml", "a")));
    Files.writeString(
        dir.resolve(WorkspaceWriter.RECORD),
        "# capsem-workspace-files v1\n../precious.txt\n/etc/passwd\nprofile.toml\n");

    WorkspaceWriter.write(dir, List.of(file("image-plan.json", "{}")));

    assertThat(outside).hasContent("keep");
    assertThat(dir.resolve("profile.toml")).doesNotExist();
  }

  @Test
  void write_profileWithoutNodePackagesOverAnEarlierOne_leavesNoNpmPackageToBuild()
      throws Exception {
    String name = "config/profiles/base/coding.profile.toml";
    ObjectNode coding = (ObjectNode) InputDocument.read(Conformance.file(name), name).tree();
    ObjectNode withoutNode = TreeEdit.set(coding, "packages.node_packages", ObjectNode.empty());
    Path dir = temp.resolve("ws");

    write(coding, dir);
    assertThat(dir.resolve("config/packages/node.toml")).isRegularFile();
    write(withoutNode, dir);

    assertThat(dir.resolve("config/packages/node.toml")).doesNotExist();
    GuestConfigs.Loaded loaded = GuestConfigs.load(dir, "ws");
    assertThat(loaded.config().packageSets()).doesNotContainKey("node");
  }

  private void write(ObjectNode document, Path dir) throws Exception {
    ProfileCheck check = ProfileReader.check(document, "p.toml");
    assertThat(check.profile()).isNotNull();
    ImagePlan plan = ImagePlan.of(check.profile(), List.of("x86_64"), new Sha256Hasher());
    ImageWorkspace.Derived derived =
        ImageWorkspace.derive(plan, GuestInputs.sources(temp.resolve("inputs")), "p.toml");
    assertThat(derived.ok()).isTrue();
    WorkspaceWriter.write(dir, derived.files());
  }
}
