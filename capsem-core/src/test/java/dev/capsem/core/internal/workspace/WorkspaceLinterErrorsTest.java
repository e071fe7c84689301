package dev.capsem.core.internal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The error checks of upstream's legacy linter ({@code test_validate} TestE001…TestE302) under our
 * codes (E001→E016, E003→E001/E005/E013, E300→E304), each with its file, position and message.
 */
class WorkspaceLinterErrorsTest {

  @TempDir Path tmp;
  GuestDir guest;

  @BeforeEach
  void validGuest() {
    guest = GuestDir.valid(tmp);
  }

  @Test
  void lint_validGuestDir_isCleanAndLoadsEveryFile() {
    WorkspaceLint lint = guest.lint();

    assertThat(lint.diagnostics()).isEmpty();
    assertThat(lint.ok()).isTrue();
    assertThat(lint.config().providers()).containsOnlyKeys("google");
    assertThat(lint.config().mcpServers()).containsOnlyKeys("capsem");
    assertThat(lint.config().packageSets()).containsOnlyKeys("python");
    assertThat(lint.config().build().architectures()).containsOnlyKeys("arm64");
    assertThat(lint.config().resources().cpuCount()).isEqualTo(4);
    assertThat(lint.config().controls()).isNull();
  }

  @Nested
  class MissingConfigE016 {

    @Test
    void lint_noConfigDirectory_reportsOnlyTheMissingDirectory() {
      GuestDir empty = GuestDir.absent(tmp.resolve("other")).mkdir(".");

      WorkspaceLint lint = empty.lint();

      assertThat(GuestDir.findings(lint))
          .containsExactly("E016 guest/config: Missing config directory");
      assertThat(lint.diagnostics().get(0).position()).isNull();
      assertThat(lint.config()).isNull();
    }

    @Test
    void lint_guestDirDoesNotExist_reportsTheMissingConfigDirectory() {
      assertThat(GuestDir.absent(tmp.resolve("other")).findings())
          .containsExactly("E016 guest/config: Missing config directory");
    }

    @Test
    void lint_emptyConfigDirectory_reportsOnlyTheMissingBuildToml() {
      GuestDir empty = GuestDir.absent(tmp.resolve("other")).mkdir("config");

      assertThat(empty.findings())
          .containsExactly("E016 guest/config/build.toml: Missing required file: build.toml");
    }

    @Test
    void lint_noBuildToml_stopsBeforeParsingTheOtherFiles() {
      guest.delete("config/build.toml").write("config/ai/google.toml", "[google\n");

      assertThat(guest.findings())
          .containsExactly("E016 guest/config/build.toml: Missing required file: build.toml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "./", "guest/.", "./guest/", "guest//"})
    void lint_guestNamedWithDotsOrSlashes_namesTheConfigDirAsPythonPrintsIt(String asGiven)
        throws Exception {
      Path dir = tmp.resolve("other");
      Files.createDirectories(dir);

      WorkspaceLint lint = WorkspaceLinter.lint(dir, asGiven, null, null);

      String expected = asGiven.contains("guest") ? "guest/config" : "config";
      assertThat(lint.diagnostics()).singleElement().extracting(d -> d.file()).isEqualTo(expected);
    }

    @Test
    void lint_absoluteGuestPath_keepsTheLeadingSlash() throws Exception {
      Path dir = tmp.resolve("other");
      Files.createDirectories(dir);

      WorkspaceLint lint = WorkspaceLinter.lint(dir, "/srv/guest/", null, null);

      assertThat(lint.diagnostics().get(0).file()).isEqualTo("/srv/guest/config");
    }
  }

  @Nested
  class TomlSyntaxE002 {

    @Test
    void lint_brokenBuildToml_reportsE002AtTheParserPosition() {
      guest.write("config/build.toml", "[build\n");

      WorkspaceLint lint = guest.lint();

      assertThat(GuestDir.findings(lint))
          .singleElement()
          .asString()
          .startsWith("E002 config/build.toml:1:7: Invalid TOML syntax: ");
      assertThat(lint.config()).isNull();
    }

    @Test
    void lint_brokenAiToml_reportsE002ForThatFile() {
      guest.write("config/ai/google.toml", "[google]\nname = \n");

      assertThat(guest.findings())
          .singleElement()
          .asString()
          .startsWith("E002 config/ai/google.toml:2:8: Invalid TOML syntax: ");
    }

    @Test
    void lint_brokenVmResourcesToml_reportsE002ForThatFile() {
      guest.write("config/vm/resources.toml", "[resources]\ncpu_count = = 3\n");

      assertThat(guest.findings())
          .singleElement()
          .asString()
          .startsWith("E002 config/vm/resources.toml:2:13: Invalid TOML syntax: ");
    }

    @Test
    void lint_twoBrokenFiles_reportsBothAndKeepsReadingTheValidOnes() {
      guest
          .write("config/ai/google.toml", "[google\n")
          .write("config/vm/resources.toml", "cpu_count = = 3\n")
          .write(
              "config/build.toml",
              GuestDir.BUILD.replace("compression_level = 15", "compression_level = 99"));

      assertThat(guest.findings())
          .satisfiesExactly(
              first -> assertThat(first).startsWith("E002 config/ai/google.toml:1:8: "),
              second -> assertThat(second).startsWith("E002 config/vm/resources.toml:1:13: "),
              third ->
                  assertThat(third)
                      .isEqualTo(
                          "E013 config/build.toml:3:21: build.compression_level: Input should be"
                              + " less than or equal to 22"));
    }

    @Test
    void lint_brokenTomlTheLoaderDoesNotRead_stillRunsEveryOtherCheck() {
      guest
          .write("config/vm/notes.toml", "x = [\n")
          .write(
              "config/packages/python.toml",
              GuestDir.PYTHON.replace("[\"pytest\", \"requests\"]", "[\"libssl-dev\"]"));

      WorkspaceLint lint = guest.lint();

      assertThat(GuestDir.findings(lint))
          .satisfiesExactly(
              e002 -> assertThat(e002).startsWith("E002 config/vm/notes.toml:2:1: "),
              w002 ->
                  assertThat(w002)
                      .isEqualTo(
                          "W002 config/packages/python.toml:5:13: Package 'libssl-dev' looks like a"
                              + " development package in python"));
      assertThat(lint.config()).isNotNull();
    }

    @Test
    void lint_brokenFilesAtDifferentDepths_areReportedInPythonPathOrder() {
      // pathlib sorts part by part: config/vm/x.toml before config/vm.toml.
      guest.write("config/vm.toml", "a = \n").write("config/vm/x.toml", "b = \n");

      assertThat(guest.findings())
          .extracting(line -> line.substring(0, line.indexOf(':')))
          .containsExactly("E002 config/vm/x.toml", "E002 config/vm.toml");
    }

    @Test
    void lint_fileThatIsNotUtf8_reportsE002AtTheFirstBadByte() throws Exception {
      // Issue 15 (ours): every parse error carries a line and column; the Latin-1 é is line 2,
      // column 9.
      Files.write(
          guest.root().resolve("config/vm/resources.toml"),
          "[resources]\nname = \"\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1));

      assertThat(guest.findings())
          .containsExactly(
              "E002 config/vm/resources.toml:2:9: Invalid TOML syntax: the file is not UTF-8 text");
    }
  }

  @Nested
  class TypedModelErrors {

    @Test
    void lint_compressionLevel99_isE013AtTheValue() {
      guest.write(
          "config/build.toml",
          GuestDir.BUILD.replace("compression_level = 15", "compression_level = 99"));

      assertThat(guest.findings())
          .containsExactly(
              "E013 config/build.toml:3:21: build.compression_level: Input should be less than or"
                  + " equal to 22");
    }

    @Test
    void lint_buildWithoutArchitectures_isE001AtTheBuildHeader() {
      guest.write(
          "config/build.toml",
          """
          # no architectures

          [build]
          compression = "zstd"
          """);

      assertThat(guest.findings())
          .containsExactly("E001 config/build.toml:3:1: build.architectures: Field required");
    }

    @Test
    void lint_emptyArchitecturesTable_isE004AtTheTable() {
      guest.write(
          "config/build.toml",
          """
          [build]
          architectures = {}
          """);

      assertThat(guest.findings())
          .containsExactly(
              "E004 config/build.toml:2:1: build.architectures: Value error, architectures must"
                  + " have at least one entry");
    }

    @Test
    void lint_compressionBrotli_isE005AtTheValue() {
      guest.write("config/build.toml", GuestDir.BUILD.replace("\"zstd\"", "\"brotli\""));

      assertThat(guest.findings())
          .containsExactly(
              "E005 config/build.toml:2:15: build.compression: Input should be 'zstd', 'gzip',"
                  + " 'lzo' or 'xz'");
    }

    @Test
    void lint_emptyPackageList_isE004() {
      guest.write(
          "config/packages/python.toml",
          """
          [python]
          name = "Python"
          manager = "uv"
          install_cmd = "uv pip install"
          packages = []
          """);

      assertThat(guest.findings())
          .containsExactly(
              "E004 config/packages/python.toml:5:12: python.packages: Value error, packages must"
                  + " have at least one entry");
    }

    @Test
    void lint_managerConda_isE005() {
      guest.write(
          "config/packages/python.toml",
          """
          [python]
          name = "Python"
          manager = "conda"
          install_cmd = "conda install"
          packages = ["numpy"]
          """);

      assertThat(guest.findings())
          .containsExactly(
              "E005 config/packages/python.toml:3:11: python.manager: Input should be 'apt', 'uv',"
                  + " 'pip', 'npm' or 'curl'");
    }

    @Test
    void lint_stdioServerWithoutCommand_isE007AtTheServerTable() {
      guest.write(
          "config/mcp/capsem.toml",
          """
          [capsem]
          name = "Capsem"
          transport = "stdio"
          """);

      assertThat(guest.findings())
          .containsExactly(
              "E007 config/mcp/capsem.toml:1:1: capsem: Value error, stdio transport requires"
                  + " 'command'");
    }

    @Test
    void lint_stdioServerWithEmptyCommand_isE007() {
      guest.write(
          "config/mcp/capsem.toml",
          """
          [capsem]
          name = "Capsem"
          transport = "stdio"
          command = ""
          """);

      assertThat(guest.findings())
          .containsExactly(
              "E007 config/mcp/capsem.toml:1:1: capsem: Value error, stdio transport requires"
                  + " 'command'");
    }

    @Test
    void lint_sseServerWithoutUrl_isE007() {
      guest.write(
          "config/mcp/remote.toml",
          """
          [remote]
          name = "Remote"
          transport = "sse"
          """);

      assertThat(guest.findings())
          .containsExactly(
              "E007 config/mcp/remote.toml:1:1: remote: Value error, sse transport requires 'url'");
    }

    @Test
    void lint_sseServerWithUrl_isFine() {
      guest.write(
          "config/mcp/remote.toml",
          """
          [remote]
          name = "Remote"
          transport = "sse"
          url = "http://localhost:8080/sse"
          """);

      assertThat(guest.findings()).isEmpty();
    }

    @Test
    void lint_versionCommandsForUnknownPackages_isE104ListingThemSorted() {
      guest.write(
          "config/packages/python.toml",
          """
          [python]
          name = "Python"
          manager = "uv"
          packages = ["pytest"]
          network = { name = "PyPI", domains = ["pypi.org"] }

          [python.version_commands]
          pytest = "pytest --version"
          ruff = "ruff --version"
          black = "black --version"
          """);

      assertThat(guest.findings())
          .containsExactly(
              "E104 config/packages/python.toml:1:1: python: Value error, version_commands keys"
                  + " not in packages: ['black', 'ruff']");
    }

    @Test
    void lint_explicitlyEmptyInstallCmd_isE014() {
      guest.write(
          "config/packages/python.toml",
          GuestDir.PYTHON.replace("\"uv pip install --system\"", "\"\""));

      assertThat(guest.findings())
          .containsExactly(
              "E014 config/packages/python.toml:4:15: python.install_cmd: Value error,"
                  + " install_cmd must not be empty");
    }

    @Test
    void lint_buildTomlWithoutBuildTable_isE001AtTheFileStart() {
      guest.write("config/build.toml", "\n\n[image]\nname = \"x\"\n");

      assertThat(guest.findings())
          .containsExactly("E001 config/build.toml:1:1: build: Field required");
    }

    @Test
    void lint_emptyBuildToml_isE001AtTheFileStart() {
      guest.write("config/build.toml", "");

      assertThat(guest.findings())
          .containsExactly("E001 config/build.toml:1:1: build: Field required");
    }

    @Test
    void lint_optionalFileWithoutItsTable_isE001RatherThanDefaults() {
      guest.write("config/vm/resources.toml", "# nothing yet\n");

      assertThat(guest.findings())
          .containsExactly("E001 config/vm/resources.toml:1:1: resources: Field required");
    }

    @Test
    void lint_absentOptionalFiles_meanTheDefaults() {
      guest.delete("config/vm").delete("config/mcp");

      WorkspaceLint lint = guest.lint();

      assertThat(lint.diagnostics()).isEmpty();
      assertThat(lint.config().resources().ramGb()).isEqualTo(4);
      assertThat(lint.config().environment().path()).isEqualTo(GuestConfigSchemas.DEFAULT_PATH);
    }

    @Test
    void lint_badTablesInSeveralFiles_reportsEveryOne() {
      guest
          .write(
              "config/build.toml",
              GuestDir.BUILD.replace("compression_level = 15", "compression_level = 0"))
          .write("config/vm/resources.toml", "[resources]\ncpu_count = 9\n");

      assertThat(guest.findings())
          .containsExactly(
              "E013 config/build.toml:3:21: build.compression_level: Input should be greater"
                  + " than or equal to 1",
              "E013 config/vm/resources.toml:2:13: resources.cpu_count: Input should be less than"
                  + " or equal to 8");
    }

    @Test
    void lint_typedModelError_skipsTheLaterChecks() {
      guest
          .write("config/build.toml", GuestDir.BUILD.replace("\"zstd\"", "\"brotli\""))
          .write(
              "config/ai/google.toml",
              GuestDir.GOOGLE.replace("\"*.googleapis.com\"", "\"https://googleapis.com\""));

      assertThat(guest.findings()).singleElement().asString().startsWith("E005 ");
    }
  }

  @Nested
  class DomainPatternE006 {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://googleapis.com",
          "http://googleapis.com",
          "example.com/path",
          "",
          "   ",
          "\u00a0",
          "api.example.com:8080",
          "api.example.com:\u0668\u0660"
        })
    void lint_badProviderDomain_isE006AtTheArrayItem(String domain) {
      guest.write(
          "config/ai/google.toml",
          """
          [google]
          name = "Google AI"
          api_key = { name = "Key", env_vars = ["GEMINI_API_KEY"] }
          network = { domains = ["*.googleapis.com", "%s"] }
          """
              .formatted(domain));

      assertThat(guest.findings())
          .containsExactly(
              "E006 config/ai/google.toml:4:44: Invalid domain pattern '"
                  + domain
                  + "' in ai.google.network.domains");
    }

    @Test
    void lint_portInWebServiceDomain_isE006InWebToml() {
      guest.write(
          "config/security/web.toml",
          GuestDir.WEB.replace("\"www.google.com\"", "\"google.com:8080\""));

      assertThat(guest.findings())
          .containsExactly(
              "E006 config/security/web.toml:7:12: Invalid domain pattern 'google.com:8080' in"
                  + " web.search.google.domains");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"*.googleapis.com", "api.anthropic.com", "localhost", "xn--bcher-kva.de"})
    void lint_goodDomain_isFine(String domain) {
      guest.write(
          "config/ai/google.toml",
          GuestDir.GOOGLE.replace("\"*.googleapis.com\"", "\"" + domain + "\""));

      assertThat(guest.findings()).isEmpty();
    }
  }

  @Nested
  class DuplicateKeysE008 {

    @Test
    void lint_providerKeyInASecondFile_isE008InTheLaterFileAndNotE105() {
      guest.write("config/ai/google2.toml", GuestDir.GOOGLE.replace("GEMINI_API_KEY", "OTHER"));

      assertThat(guest.findings())
          .containsExactly(
              "E008 config/ai/google2.toml:1:1: Duplicate AI provider key 'google' (first defined"
                  + " in google.toml)");
    }

    @Test
    void lint_mcpServerKeyInASecondFile_isE008() {
      guest.write("config/mcp/capsem2.toml", GuestDir.CAPSEM_MCP);

      assertThat(guest.findings())
          .containsExactly(
              "E008 config/mcp/capsem2.toml:1:1: Duplicate MCP server key 'capsem' (first defined"
                  + " in capsem.toml)");
    }

    @Test
    void lint_packageSetKeyInASecondFile_isE008() {
      guest.write("config/packages/python2.toml", GuestDir.PYTHON);

      assertThat(guest.findings())
          .containsExactly(
              "E008 config/packages/python2.toml:1:1: Duplicate package set key 'python' (first"
                  + " defined in python.toml)");
    }

    @Test
    void lint_duplicateKeyAfterOtherTables_pointsAtThatTable() {
      guest.write(
          "config/packages/tools.toml",
          """
          [node]
          name = "Node"
          manager = "npm"
          packages = ["typescript"]
          network = { name = "npm", domains = ["registry.npmjs.org"] }

          [python]
          name = "Python again"
          manager = "pip"
          packages = ["black"]
          network = { name = "PyPI", domains = ["pypi.org"] }
          """);

      assertThat(guest.findings())
          .containsExactly(
              "E008 config/packages/tools.toml:7:1: Duplicate package set key 'python' (first"
                  + " defined in python.toml)");
    }

    @Test
    void lint_differentKeysInSeveralFiles_areFine() {
      guest
          .write("config/mcp/other.toml", GuestDir.CAPSEM_MCP.replace("[capsem]", "[other]"))
          .write(
              "config/packages/node.toml",
              """
              [node]
              name = "Node"
              manager = "npm"
              packages = ["typescript"]
              network = { name = "npm", domains = ["registry.npmjs.org"] }
              """);

      WorkspaceLint lint = guest.lint();

      assertThat(lint.diagnostics()).isEmpty();
      assertThat(lint.config().mcpServers()).containsOnlyKeys("capsem", "other");
      assertThat(lint.config().packageSets()).containsOnlyKeys("node", "python");
    }
  }

  @Nested
  class ProviderFilesE009AndE010 {

    private void providerFile(String path, String content) {
      guest.write(
          "config/ai/google.toml",
          GuestDir.GOOGLE
              + """

              [google.files.settings]
              path = "%s"
              content = '%s'
              """
                  .formatted(path, content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"relative/path.json", "~/.config/test.json"})
    void lint_relativeFilePath_isE009AtThePath(String path) {
      providerFile(path, "{}");

      assertThat(guest.findings())
          .containsExactly(
              "E009 config/ai/google.toml:22:8: File path must be absolute: '"
                  + path
                  + "' in ai.google.files.settings");
    }

    @Test
    void lint_absoluteFilePath_isFine() {
      providerFile("/root/.gemini/settings.json", "{\"a\": 1}");

      assertThat(guest.findings()).isEmpty();
    }

    @Test
    void lint_brokenJsonContent_isE010WithPythonJsonWording() {
      providerFile("/root/.gemini/settings.json", "{\"broken\": true,");

      assertThat(guest.findings())
          .containsExactly(
              "E010 config/ai/google.toml:23:11: Invalid JSON in ai.google.files.settings:"
                  + " Expecting property name enclosed in double quotes: line 1 column 17 (char"
                  + " 16)");
    }

    @Test
    void lint_whitespaceOnlyJsonContent_isE010AsInUpstream() {
      providerFile("/root/.gemini/settings.json", "   ");

      assertThat(guest.findings())
          .containsExactly(
              "E010 config/ai/google.toml:23:11: Invalid JSON in ai.google.files.settings:"
                  + " Expecting value: line 1 column 4 (char 3)");
    }

    @Test
    void lint_brokenContentOfANonJsonFile_isNotChecked() {
      providerFile("/root/.gemini/settings.txt", "{\"broken\": true,");

      assertThat(guest.findings()).isEmpty();
    }

    @Test
    void lint_emptyJsonContent_isFine() {
      providerFile("/root/.config/gcloud/application_default_credentials.json", "");

      assertThat(guest.findings()).isEmpty();
    }

    @Test
    void lint_relativePathWithBrokenJson_reportsBoth() {
      providerFile("settings.json", "[1,]");

      assertThat(guest.findings())
          .containsExactly(
              "E009 config/ai/google.toml:22:8: File path must be absolute: 'settings.json' in"
                  + " ai.google.files.settings",
              "E010 config/ai/google.toml:23:11: Invalid JSON in ai.google.files.settings:"
                  + " Expecting value: line 1 column 4 (char 3)");
    }
  }

  @Nested
  class KernelDefconfigE304 {

    @Test
    void lint_defconfigDeleted_isE304AtTheDeclarationInBuildToml() {
      guest.delete("config/kernel/defconfig.arm64");

      assertThat(guest.findings())
          .containsExactly(
              "E304 config/build.toml:11:13: Missing kernel defconfig for arm64:"
                  + " kernel/defconfig.arm64");
    }

    @Test
    void lint_kernelDirectoryRemoved_isE304() {
      guest.delete("config/kernel");

      assertThat(guest.findings())
          .containsExactly(
              "E304 config/build.toml:11:13: Missing kernel defconfig for arm64:"
                  + " kernel/defconfig.arm64");
    }

    @Test
    void lint_x86WithoutDefconfig_isE304NamingX86Only() {
      guest.write(
          "config/build.toml",
          GuestDir.BUILD
              + """

              [build.architectures.x86_64]
              docker_platform = "linux/amd64"
              rust_target = "x86_64-unknown-linux-musl"
              kernel_image = "arch/x86_64/boot/bzImage"
              defconfig = "kernel/defconfig.x86_64"
              """);

      assertThat(guest.findings())
          .containsExactly(
              "E304 config/build.toml:18:13: Missing kernel defconfig for x86_64:"
                  + " kernel/defconfig.x86_64");
    }

    @Test
    void lint_defconfigDeclaredWithAnotherFolder_isLookedUpByBaseNameUnderKernel() {
      guest.write(
          "config/build.toml",
          GuestDir.BUILD.replace("\"kernel/defconfig.arm64\"", "\"configs/defconfig.arm64\""));

      assertThat(guest.findings()).isEmpty();
    }
  }

  @Nested
  class ArtifactsE301AndE302 {

    private static final String[] FILES = {
      "capsem-ca.crt",
      "capsem-init",
      "capsem-bashrc",
      "banner.txt",
      "tips.txt",
      "capsem-doctor",
      "capsem-bench",
      "snapshots"
    };
    private static final String[] DIRS = {"capsem_bench", "diagnostics"};

    private Path completeArtifacts() throws Exception {
      Path artifacts = tmp.resolve("artifacts");
      Files.createDirectories(artifacts);
      for (String file : FILES) {
        Files.writeString(artifacts.resolve(file), "x");
      }
      for (String dir : DIRS) {
        Files.createDirectories(artifacts.resolve(dir));
      }
      return artifacts;
    }

    @Test
    void lint_emptyArtifactsDir_namesEveryMissingItem() throws Exception {
      Path artifacts = Files.createDirectories(tmp.resolve("artifacts"));

      assertThat(GuestDir.findings(guest.lint(artifacts)))
          .containsExactly(
              "E301 artifacts/capsem-ca.crt: Missing CA certificate: capsem-ca.crt",
              "E302 artifacts/capsem-init: Missing required artifact: capsem-init",
              "E302 artifacts/capsem-bashrc: Missing required artifact: capsem-bashrc",
              "E302 artifacts/banner.txt: Missing required artifact: banner.txt",
              "E302 artifacts/tips.txt: Missing required artifact: tips.txt",
              "E302 artifacts/capsem-doctor: Missing required artifact: capsem-doctor",
              "E302 artifacts/capsem-bench: Missing required artifact: capsem-bench",
              "E302 artifacts/snapshots: Missing required artifact: snapshots",
              "E302 artifacts/capsem_bench: Missing required directory: capsem_bench",
              "E302 artifacts/diagnostics: Missing required directory: diagnostics");
    }

    @Test
    void lint_completeArtifactsDir_isFine() throws Exception {
      assertThat(GuestDir.findings(guest.lint(completeArtifacts()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "capsem-init",
          "capsem-bashrc",
          "banner.txt",
          "tips.txt",
          "capsem-doctor",
          "capsem-bench",
          "snapshots"
        })
    void lint_oneArtifactFileMissing_isE302NamingIt(String name) throws Exception {
      Path artifacts = completeArtifacts();
      Files.delete(artifacts.resolve(name));

      assertThat(GuestDir.findings(guest.lint(artifacts)))
          .containsExactly("E302 artifacts/" + name + ": Missing required artifact: " + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"capsem_bench", "diagnostics"})
    void lint_oneArtifactDirectoryMissing_isE302NamingIt(String name) throws Exception {
      Path artifacts = completeArtifacts();
      Files.delete(artifacts.resolve(name));

      assertThat(GuestDir.findings(guest.lint(artifacts)))
          .containsExactly("E302 artifacts/" + name + ": Missing required directory: " + name);
    }

    @Test
    void lint_caCertificateMissing_isE301() throws Exception {
      Path artifacts = completeArtifacts();
      Files.delete(artifacts.resolve("capsem-ca.crt"));

      assertThat(GuestDir.findings(guest.lint(artifacts)))
          .containsExactly("E301 artifacts/capsem-ca.crt: Missing CA certificate: capsem-ca.crt");
    }

    @Test
    void lint_artifactFileThatIsADirectory_countsAsPresentAsInUpstream() throws Exception {
      Path artifacts = completeArtifacts();
      Files.delete(artifacts.resolve("snapshots"));
      Files.createDirectories(artifacts.resolve("snapshots"));

      assertThat(GuestDir.findings(guest.lint(artifacts))).isEmpty();
    }

    @Test
    void lint_withoutArtifactsDir_checksNoArtifacts() {
      assertThat(guest.findings()).isEmpty();
    }

    @Test
    void lint_artifactsNamedOnlyByPath_namesThemByThatPath() throws Exception {
      Path artifacts = completeArtifacts();
      Files.delete(artifacts.resolve("tips.txt"));

      WorkspaceLint lint = WorkspaceLinter.lint(guest.root(), "guest", artifacts, null);

      assertThat(lint.diagnostics())
          .singleElement()
          .extracting(d -> d.file())
          .isEqualTo(artifacts.resolve("tips.txt").toString());
    }
  }
}
