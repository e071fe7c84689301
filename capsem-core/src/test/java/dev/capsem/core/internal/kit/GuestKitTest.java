package dev.capsem.core.internal.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.ImagePlan;
import dev.capsem.core.internal.image.ImageWorkspace;
import dev.capsem.core.internal.image.WorkspaceWriter;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.workspace.GuestArtifacts;
import dev.capsem.core.internal.workspace.WorkspaceLint;
import dev.capsem.core.internal.workspace.WorkspaceLinter;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.GuestInputs;
import dev.capsem.core.testing.Sha256Hasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit as shipped: its index names exactly the files of the kit module, each readable with the
 * right mode, and what it materialises is a guest-config folder our own linter accepts.
 */
class GuestKitTest {

  /** The kit's source folder, read to cross-check the index (not through the code under test). */
  private static final Path SOURCES =
      Path.of("..", "capsem-guest-kit", "src", "main", "resources", "dev", "capsem", "kit");

  @TempDir Path temp;

  private final GuestKit kit = GuestKit.bundled();

  private static Map<String, byte[]> sourceFiles() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = SOURCES.relativize(file).toString().replace('\\', '/');
        if (!relative.equals(GuestKit.INDEX)) {
          files.put(relative, Files.readAllBytes(file));
        }
      }
    }
    return files;
  }

  private static boolean startsWithShebang(byte[] content) {
    return content.length > 2 && content[0] == '#' && content[1] == '!';
  }

  @Test
  void index_listsExactlyTheKitFilesWithProgramsExecutable() throws Exception {
    Map<String, byte[]> sources = sourceFiles();

    assertThat(kit.entries())
        .extracting(GuestKit.Entry::path)
        .containsExactlyElementsOf(sources.keySet());
    for (GuestKit.Entry entry : kit.entries()) {
      boolean program = startsWithShebang(sources.get(entry.path()));
      assertThat(entry.mode()).as(entry.path()).isEqualTo(program ? 0755 : 0644);
      assertThat(kit.bytes(entry)).as(entry.path()).isEqualTo(sources.get(entry.path()));
    }
  }

  @Test
  void index_holdsEveryArtifactTheWorkspaceRequires() {
    List<String> paths = kit.entries().stream().map(GuestKit.Entry::path).toList();

    for (String name : GuestArtifacts.FILES) {
      assertThat(paths).contains("artifacts/" + name);
    }
    for (String dir : GuestArtifacts.DIRECTORIES) {
      assertThat(paths).anyMatch(path -> path.startsWith("artifacts/" + dir + "/"));
    }
    assertThat(paths)
        .contains(
            "config/ai/anthropic.toml",
            "config/ai/google.toml",
            "config/ai/openai.toml",
            "config/vm/environment.toml",
            "config/kernel/defconfig.x86_64");
  }

  @Test
  void materialize_wholeKit_writesEveryFileWithItsBytesAndMode() throws Exception {
    Path dir = kit.materialize(temp.resolve("kit"));

    Map<String, byte[]> sources = sourceFiles();
    for (Map.Entry<String, byte[]> source : sources.entrySet()) {
      Path file = dir.resolve(source.getKey());
      assertThat(file).as(source.getKey()).hasBinaryContent(source.getValue());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(source.getKey())
          .isEqualTo(startsWithShebang(source.getValue()) ? "rwxr-xr-x" : "rw-r--r--");
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      assertThat(walk.filter(Files::isRegularFile).count()).isEqualTo(sources.size());
    }
    try (Stream<Path> siblings = Files.list(temp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("kit");
    }
  }

  @Test
  void materialize_oneKind_writesOnlyItsFiles() throws Exception {
    Path dir = kit.materialize(temp.resolve("providers"), GuestKit.Kind.PROVIDERS);

    try (Stream<Path> walk = Files.walk(dir)) {
      assertThat(
              walk.filter(Files::isRegularFile)
                  .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                  .sorted())
          .containsExactly(
              "config/ai/anthropic.toml", "config/ai/google.toml", "config/ai/openai.toml");
    }
    assertThat(kit.entries(GuestKit.Kind.ENVIRONMENT))
        .extracting(GuestKit.Entry::path)
        .containsExactly("config/vm/environment.toml");
  }

  @Test
  void materialize_existingTarget_isRefusedAndLeavesItAlone() throws Exception {
    Path target = Files.createDirectories(temp.resolve("kit"));
    Files.writeString(target.resolve("mine.txt"), "operator file\n");

    assertThatThrownBy(() -> kit.materialize(target))
        .isInstanceOf(FileAlreadyExistsException.class);
    try (Stream<Path> all = Files.walk(temp)) {
      assertThat(all.map(p -> temp.relativize(p).toString()))
          .containsExactlyInAnyOrder("", "kit", "kit/mine.txt");
    }
  }

  @Test
  void cached_secondCall_reusesTheFolderNamedByTheContent() throws Exception {
    Path first = kit.cached(temp.resolve("cache"));
    Files.writeString(first.resolve("marker"), "kept\n");

    Path second = kit.cached(temp.resolve("cache"));

    assertThat(second).isEqualTo(first);
    assertThat(second.resolve("marker")).exists();
    assertThat(first.getFileName().toString())
        .matches(Pattern.quote(kit.version()) + "-[0-9a-f]{12}");
  }

  @Test
  void versions_kitAndDoctorAreTheOnesItsFilesState() throws Exception {
    String doctor =
        new String(
            Files.readAllBytes(SOURCES.resolve("artifacts/capsem-doctor")), StandardCharsets.UTF_8);
    Matcher version = Pattern.compile("(?m)^VERSION=(\\S+)$").matcher(doctor);

    assertThat(version.find()).isTrue();
    assertThat(kit.doctorVersion()).isEqualTo(version.group(1));
    assertThat(kit.version()).matches("\\d+\\.\\d+\\.\\d+");
  }

  /** The kit is a guest-config folder our linter finds clean, once the operator's CA is added. */
  @Test
  void lint_materializedKitWithACa_findsNothing() throws Exception {
    Path dir = kit.materialize(temp.resolve("kit"));
    GuestInputs.caCertificate(dir.resolve("artifacts").resolve(GuestArtifacts.CA_CERTIFICATE));

    WorkspaceLint lint =
        WorkspaceLinter.lint(dir, "kit", dir.resolve("artifacts"), "kit/artifacts");

    assertThat(lint.diagnostics()).isEmpty();
    assertThat(lint.summary()).isEqualTo("passed: config is clean");
  }

  /**
   * Upstream's coding profile (all three providers) built on the kit alone: the workspace it
   * derives passes the lint, with only the W001 the profile's own network policy earns.
   */
  @Test
  void derive_codingProfileFromTheKit_workspacePassesTheLint() throws Exception {
    Path kitDir = kit.materialize(temp.resolve("kit"));
    Path ca = GuestInputs.caCertificate(temp.resolve("ca.crt"));
    ImagePlan plan =
        ImagePlan.of(
            ProfileReader.read(
                    Conformance.file("config/profiles/base/coding.profile.toml"), "coding.toml")
                .profile(),
            List.of("x86_64"),
            new Sha256Hasher());

    ImageWorkspace.Derived derived =
        ImageWorkspace.derive(
            plan, GuestKit.workspaceSources(kitDir, new GivenPath(ca, "ca.crt")), "coding.toml");
    Path out = temp.resolve("ws");
    WorkspaceWriter.write(out, derived.files());
    WorkspaceLint lint = WorkspaceLinter.lint(out, "ws", out.resolve("artifacts"), "ws/artifacts");

    assertThat(derived.diagnostics()).isEmpty();
    assertThat(lint.ok()).as(lint.textLines().toString()).isTrue();
    assertThat(lint.diagnostics()).allSatisfy(d -> assertThat(d.code()).isEqualTo(Code.W001));
    assertThat(Files.readString(out.resolve("config/ai/anthropic.toml")))
        .contains("[anthropic.install]\nmanager = \"curl\"");
  }

  /**
   * Every shell script of the kit parses: under dash (the rootfs's /bin/sh, which runs the
   * diagnostics) and, for capsem-init, under busybox's ash, which runs it as PID 1.
   */
  @Test
  void shellScripts_parseUnderTheShellsThatRunThem() throws Exception {
    Path dir = kit.materialize(temp.resolve("kit"));
    List<String> checked = new java.util.ArrayList<>();
    for (GuestKit.Entry entry : kit.entries()) {
      byte[] content = kit.bytes(entry);
      String text = new String(content, StandardCharsets.UTF_8);
      boolean shell = text.startsWith("#!/bin/sh") || entry.path().endsWith(".sh");
      if (!shell) {
        continue;
      }
      checked.add(entry.path());
      assertThat(syntax("sh", dir.resolve(entry.path()))).as(entry.path()).isEmpty();
    }
    assertThat(checked).contains("artifacts/capsem-init", "artifacts/diagnostics/run-checks");
    Path busybox = Path.of("/bin/busybox");
    if (!Files.isExecutable(busybox)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true but /bin/busybox is missing (scripts/setup-machine.sh)");
      }
      org.junit.jupiter.api.Assumptions.abort("no /bin/busybox to check capsem-init under ash");
    }
    assertThat(syntax(busybox + " sh", dir.resolve("artifacts/capsem-init"))).isEmpty();
  }

  /** What {@code shell -n file} complains about (empty when the file parses). */
  private static String syntax(String shell, Path file) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(shell.split(" ")));
    command.addAll(List.of("-n", file.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    return process.exitValue() == 0 ? output : output + " (exit " + process.exitValue() + ")";
  }
}
