package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.workspace.GuestConfig;
import dev.capsem.core.internal.workspace.GuestConfigs;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.GuestInputs;
import dev.capsem.core.testing.Sha256Hasher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A profile's workspace, written and loaded, for tests of what builds consume it. */
record TestWorkspaces(ImagePlan plan, Path dir, GuestConfig config, List<WorkspaceFile> files) {

  /** The workspace as the build uses it: the files in memory, bound without parsing. */
  DerivedWorkspace derived() {
    List<GuestConfigs.InMemory> config = new java.util.ArrayList<>();
    for (WorkspaceFile file : files) {
      config.add(new GuestConfigs.InMemory(file.path(), file.tree(), file.content()));
    }
    GuestConfigs.Loaded loaded = GuestConfigs.load(config);
    assertThat(loaded.diagnostics()).isEmpty();
    return new DerivedWorkspace(files, loaded.config());
  }

  /** The same workspace with one derived file's content changed, as a changed input gives. */
  TestWorkspaces with(String path, String content) {
    List<WorkspaceFile> changed = new java.util.ArrayList<>();
    for (WorkspaceFile file : files) {
      changed.add(
          file.path().equals(path)
              ? new WorkspaceFile(
                  path,
                  content.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                  file.executable())
              : file);
    }
    return new TestWorkspaces(plan, dir, config, changed);
  }

  static TestWorkspaces of(String profile, List<String> arches, Path temp) throws IOException {
    ProfileCheck check = ProfileReader.read(Conformance.file(profile), profile);
    assertThat(check.profile()).as(profile).isNotNull();
    ImagePlan plan = ImagePlan.of(check.profile(), arches, new Sha256Hasher());
    ImageWorkspace.Derived derived =
        ImageWorkspace.derive(plan, GuestInputs.sources(temp.resolve("inputs")), profile);
    assertThat(derived.diagnostics()).isEmpty();
    Path dir = temp.resolve("workspace");
    WorkspaceWriter.write(dir, derived.files());
    GuestConfigs.Loaded loaded = GuestConfigs.load(dir, "workspace");
    assertThat(loaded.diagnostics()).isEmpty();
    return new TestWorkspaces(plan, dir, loaded.config(), derived.files());
  }

  static TestWorkspaces coding(Path temp) throws IOException {
    return of("config/profiles/base/coding.profile.toml", ArchSelection.ALL, temp);
  }
}
