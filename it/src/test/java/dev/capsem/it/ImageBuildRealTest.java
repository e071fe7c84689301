package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real image builds through the real Docker engine, with real Debian packages: a small test profile
 * (a few apt packages, one Python package that Debian provides, one npm-installed CLI as its AI
 * provider, placeholder guest agents) built twice, which must give the same bytes. CI (CI=true)
 * prepares the engine and the base image with scripts/container-engine.sh; elsewhere these tests
 * are skipped when the engine or the base image is missing.
 *
 * <p>The network: Debian's archive over http, the npm registry over https (through the machine's CA
 * bundle, which may hold a TLS-inspecting proxy's CA), no PyPI, no GitHub: Node comes from Debian,
 * no uv is installed, pip works offline from an empty wheel folder.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageBuildRealTest {

  private static final String EPOCH = "1776729600";
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);

  @TempDir static Path scenario;

  @BeforeAll
  static void engineAndInputs() throws Exception {
    String problem = RealBuilds.engineProblem();
    if (problem != null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + problem);
      }
      Assumptions.abort(problem + "; skipping the real image builds");
    }
    RealBuilds.smallProfileScenario(scenario);
  }

  /** The test profile's build command line, for {@code template}, into {@code out}. */
  static List<String> build(String profile, String template, String out) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "image",
                "build",
                profile,
                "--arch",
                "x86_64",
                "--template",
                template,
                "--out",
                out,
                "--json",
                "--no-cache"));
    args.addAll(
        RealBuilds.smallProfileInputs(
            dev.capsem.core.testing.Conformance.file("guest/config/kernel").toString()));
    return args;
  }

  /** {@code image sbom} of the first build's x86_64 assets. */
  private static AdminProcess.Run sbomOfFirstBuild() throws Exception {
    return admin(
        Map.of(),
        List.of(
            "image",
            "sbom",
            "ci-small.profile.toml",
            "--assets-dir",
            "assets-first",
            "--arch",
            "x86_64"));
  }

  private static AdminProcess.Run admin(Map<String, String> environment, List<String> args)
      throws Exception {
    Map<String, String> env = new HashMap<>(environment);
    env.put("SOURCE_DATE_EPOCH", EPOCH);
    return AdminProcess.run(scenario, env, BUILD_TIMEOUT, args.toArray(String[]::new))
        .assertNoStackTrace();
  }

  private static ObjectNode buildOk(String template, String out) throws Exception {
    AdminProcess.Run run = admin(Map.of(), build("ci-small.profile.toml", template, out));
    assertThat(run.exitCode())
        .as("image build --template %s:\n%s", template, run.stderr())
        .isZero();
    assertThat(run.stderr()).contains("<== x86_64 " + template + " done in ");
    return (ObjectNode) JsonReader.read(run.stdout(), JsonDialect.PYTHON);
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as("%s:\n%s", String.join(" ", command), output).isZero();
    return output;
  }

  @Test
  @Order(1)
  void build_twice_givesBitIdenticalRootfsAndInitrd() throws Exception {
    List<ObjectNode> reports = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (String round : List.of("first", "second")) {
      String out = "assets-" + round;
      reports.add(buildOk("rootfs", out));
      reports.add(buildOk("initrd", out));
      Path dir = scenario.resolve(out).resolve("x86_64");
      hashes.add(b3sum(dir.resolve("rootfs.squashfs")) + " " + b3sum(dir.resolve("initrd.img")));
    }

    if (!hashes.get(0).equals(hashes.get(1))) {
      fail("the two builds differ:\n" + differences());
    }
    ObjectNode rootfsReport = reports.get(0);
    assertThat(assetHash(rootfsReport, "rootfs.squashfs"))
        .isEqualTo("blake3:" + b3sum(scenario.resolve("assets-first/x86_64/rootfs.squashfs")));
    assertThat(assetHash(reports.get(1), "initrd.img"))
        .isEqualTo("blake3:" + b3sum(scenario.resolve("assets-first/x86_64/initrd.img")));
    assertThat(Files.readString(scenario.resolve("assets-first/B3SUMS")))
        .isEqualTo(
            run(
                "bash",
                "-c",
                "cd "
                    + scenario.resolve("assets-first")
                    + " && b3sum x86_64/initrd.img"
                    + " x86_64/rootfs.squashfs"));
  }

  @Test
  @Order(2)
  void build_rootfs_holdsThePackagesTheBannerAndTheGuestAgents() throws Exception {
    Path rootfs = scenario.resolve("assets-first/x86_64/rootfs.squashfs");
    Assumptions.assumeTrue(Files.isRegularFile(rootfs), "the first build did not run");

    String listing = run("unsquashfs", "-l", "-d", "", rootfs.toString());

    assertThat(listing.lines().map(String::strip).toList())
        .contains(
            "/usr/bin/jq",
            "/usr/bin/python3",
            "/usr/lib/python3/dist-packages/six.py",
            "/opt/ai-clis/bin/marked",
            "/etc/capsem-banner.txt",
            "/etc/capsem-tips.txt",
            "/etc/capsem-bashrc",
            "/usr/local/bin/capsem-pty-agent",
            "/usr/local/bin/capsem-net-proxy",
            "/usr/local/bin/capsem-dns-proxy",
            "/usr/local/bin/capsem-mcp-server",
            "/usr/local/bin/capsem-sysutil",
            "/usr/local/bin/capsem-doctor",
            "/usr/local/bin/capsem-test",
            "/usr/local/share/ca-certificates/capsem-ca.crt")
        .doesNotContain("/usr/local/share/capsem-build/ca.pem", "/var/cache/ldconfig/aux-cache");
    String banner = run("unsquashfs", "-cat", rootfs.toString(), "/etc/capsem-banner.txt");
    assertThat(banner)
        .isEqualTo(dev.capsem.core.testing.Conformance.text("guest/artifacts/banner.txt"));
  }

  @Test
  @Order(3)
  void build_rootfs_inventoryAndToolVersionsListWhatWasInstalled() throws Exception {
    Path dir = scenario.resolve("assets-first/x86_64");
    Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("image-inventory.json")));

    String text = Files.readString(dir.resolve("image-inventory.json"));
    ObjectNode inventory = (ObjectNode) JsonReader.read(text, JsonDialect.PYTHON);

    assertThat(text).doesNotEndWith("\n");
    assertThat(inventory.keys())
        .containsExactly("schema", "apt", "python_modules", "node_packages", "tools");
    assertThat(inventory.object("apt").keys())
        .contains("jq", "python3", "python3-pip", "python3-six");
    assertThat(inventory.object("python_modules").string("six")).isNotBlank();
    assertThat(inventory.object("node_packages").string("marked")).isEqualTo("15.0.12");
    assertThat(inventory.object("tools").string("marked")).isEqualTo("15.0.12");
    assertThat(inventory.object("tools").string("capsem_doctor")).isEqualTo("2026.05.20");
    assertThat(Files.readString(dir.resolve("tool-versions.txt")))
        .startsWith("# System\nnode=")
        .contains("\nuv=N/A\n")
        .endsWith("# AI CLIs\nmarked=15.0.12\n");
  }

  @Test
  @Order(4)
  void build_sbom_describesTheInstalledPackagesAndPassesSpdxValidation() throws Exception {
    Path inventory = scenario.resolve("assets-first/x86_64/image-inventory.json");
    Assumptions.assumeTrue(Files.isRegularFile(inventory), "the first build did not run");

    AdminProcess.Run run = sbomOfFirstBuild();

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(dev.capsem.core.testing.SpdxValidation.errors(run.stdout())).isEmpty();
    ObjectNode sbom = (ObjectNode) JsonReader.read(run.stdout(), JsonDialect.PYTHON);
    List<String> packages = new ArrayList<>();
    for (Node node : ((ArrayNode) sbom.get("packages")).items()) {
      packages.add(((ObjectNode) node).string("name"));
    }
    assertThat(packages).contains("jq", "python3-six", "marked");
  }

  @Test
  @Order(5)
  void build_failingRunStep_isE307NamingTheCauseAndLeavesNoAsset() throws Exception {
    Path profile = scenario.resolve("broken.profile.toml");
    Files.writeString(
        profile,
        Files.readString(scenario.resolve("ci-small.profile.toml"))
            .replace("jq = \"*\"\n", "jq = \"*\"\ncapsem-no-such-package = \"*\"\n"));

    AdminProcess.Run run = admin(Map.of(), build("broken.profile.toml", "rootfs", "assets-broken"));

    assertThat(run.exitCode()).isEqualTo(1);
    // --json: the failure is a report on standard output too (issue 13), not only upstream's text.
    assertThat(run.stdout())
        .contains("\"schema\": \"capsem.failure.v1\"")
        .contains("\"error\": \"image build failed\"")
        .contains("\"code\": \"E307\"");
    assertThat(run.stderr())
        .contains("Error: image build failed\nerror[E307] Command '['docker', 'build',")
        .containsPattern("returned non-zero exit status \\d+\\.")
        .contains("Unable to locate package capsem-no-such-package")
        .doesNotContain("DEPRECATED");
    // Nothing lost: the container output stays in build.log, and it is the only file made.
    Path out = scenario.resolve("assets-broken");
    assertThat(assetFiles(out)).containsExactly(out.resolve("build.log").toString());
    assertThat(Files.readString(out.resolve("build.log")))
        .contains("Unable to locate package capsem-no-such-package");
  }

  @Test
  @Order(6)
  void build_withoutDockerOnPath_isE306WithTheInstallFix() throws Exception {
    Path bin = Files.createDirectories(scenario.resolve("path-without-docker"));
    for (String tool : List.of("bash", "dirname")) {
      Files.createSymbolicLink(
          bin.resolve(tool), Path.of(run("bash", "-c", "command -v " + tool).strip()));
    }
    Map<String, String> env = new HashMap<>();
    env.put("PATH", bin.toString());
    env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());

    AdminProcess.Run run = admin(env, build("ci-small.profile.toml", "rootfs", "assets-no-docker"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr())
        .contains(
            "error[E306] container runtime not found: docker not found on PATH\n"
                + "  fix: sudo apt install docker.io\n");
    assertThat(assetFiles(scenario.resolve("assets-no-docker"))).isEmpty();
  }

  @Test
  @Order(7)
  void build_engineNotAnswering_isE307SaidPlainly() throws Exception {
    AdminProcess.Run run =
        admin(
            Map.of("DOCKER_HOST", "unix://" + scenario.resolve("no-engine.sock")),
            build("ci-small.profile.toml", "rootfs", "assets-no-engine"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr())
        .contains("error[E307] container runtime not answering: the engine at unix://")
        .contains("does not answer (is dockerd running?)")
        .contains("fix: start the container engine");
    assertThat(assetFiles(scenario.resolve("assets-no-engine"))).isEmpty();
  }

  /**
   * The kernel compile (about ten minutes on two cores) runs when a source is configured: {@code
   * eval "$(scripts/kernel-source.sh --env)"}, or {@code CAPSEM_KERNEL_BUILD=1 scripts/test.sh}.
   */
  @Test
  @Order(8)
  @EnabledIfEnvironmentVariable(named = "CAPSEM_KERNEL_SOURCE", matches = ".+")
  void build_kernel_compilesTheConfiguredSourceWithUpstreamsDefconfig() throws Exception {
    String source = System.getenv("CAPSEM_KERNEL_SOURCE");
    String sha256 = System.getenv("CAPSEM_KERNEL_SHA256");
    List<String> args = build("ci-small.profile.toml", "kernel", "assets-kernel");
    args.addAll(List.of("--kernel-source", source, "--kernel-sha256", sha256));
    Map<String, String> env = new HashMap<>();
    env.put("SOURCE_DATE_EPOCH", EPOCH);

    AdminProcess.Run run =
        AdminProcess.run(scenario, env, Duration.ofMinutes(90), args.toArray(String[]::new))
            .assertNoStackTrace();

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    ObjectNode report = (ObjectNode) JsonReader.read(run.stdout(), JsonDialect.PYTHON);
    assertThat(report.object("kernel").string("source")).isEqualTo(source);
    assertThat(report.object("kernel").string("sha256")).isEqualTo(sha256);
    assertThat(report.object("kernel").string("version")).matches("\\d+\\.\\d+\\.\\d+.*");
    byte[] vmlinuz = Files.readAllBytes(scenario.resolve("assets-kernel/x86_64/vmlinuz"));
    assertThat(new String(vmlinuz, 0x202, 4, StandardCharsets.US_ASCII))
        .as("bzImage header magic")
        .isEqualTo("HdrS");
    assertThat(assetHash(report, "vmlinuz"))
        .isEqualTo("blake3:" + b3sum(scenario.resolve("assets-kernel/x86_64/vmlinuz")));
    assertThat(scenario.resolve("assets-kernel/x86_64/initrd.img")).isRegularFile();
  }

  private static List<String> assetFiles(Path out) throws IOException {
    if (!Files.exists(out)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(Files::isRegularFile).map(Path::toString).toList();
    }
  }

  private static String assetHash(ObjectNode report, String name) {
    for (Node item : ((ArrayNode) report.get("assets")).items()) {
      ObjectNode asset = (ObjectNode) item;
      if (name.equals(asset.string("name"))) {
        return asset.string("hash");
      }
    }
    throw new AssertionError("no asset " + name + " in the report");
  }

  static String b3sum(Path file) throws Exception {
    return run("b3sum", "--no-names", file.toString()).strip();
  }

  /** Which files inside the two rootfs and initrd images differ, for a failing comparison. */
  private static String differences() throws Exception {
    StringBuilder out = new StringBuilder();
    for (String round : List.of("first", "second")) {
      Path dir = scenario.resolve("unpacked-" + round);
      run(
          "unsquashfs",
          "-no-progress",
          "-d",
          dir.toString(),
          scenario.resolve("assets-" + round + "/x86_64/rootfs.squashfs").toString());
    }
    out.append("rootfs: ")
        .append(
            differingFiles(
                scenario.resolve("unpacked-first"), scenario.resolve("unpacked-second")));
    List<String> listings = new ArrayList<>();
    for (String round : List.of("first", "second")) {
      listings.add(
          run(
              "bash",
              "-c",
              "zcat "
                  + scenario.resolve("assets-" + round + "/x86_64/initrd.img")
                  + " | cpio -itv --quiet"));
    }
    out.append("\ninitrd listings differ: ").append(!listings.get(0).equals(listings.get(1)));
    return out.toString();
  }

  private static Set<String> differingFiles(Path a, Path b) throws Exception {
    Set<String> differing = new TreeSet<>();
    Set<String> all = new TreeSet<>();
    for (Path root : List.of(a, b)) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.forEach(p -> all.add(root.relativize(p).toString()));
      }
    }
    for (String relative : all) {
      Path x = a.resolve(relative);
      Path y = b.resolve(relative);
      if (!Files.exists(x, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          || !Files.exists(y, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        differing.add(relative + " (only in one)");
      } else if (Files.isRegularFile(x, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          && Files.mismatch(x, y) != -1) {
        differing.add(relative);
      } else if (Files.isSymbolicLink(x)
          && !Files.readSymbolicLink(x).equals(Files.readSymbolicLink(y))) {
        differing.add(relative + " (link target)");
      }
    }
    return differing;
  }

  // Issue 17: the rootfs written by our squashfs writer (the default) from docker export's stream.

  private static Path firstRootfs() {
    Path rootfs = scenario.resolve("assets-first/x86_64/rootfs.squashfs");
    Assumptions.assumeTrue(Files.isRegularFile(rootfs), "the first build did not run");
    return rootfs;
  }

  /** A command's standard output as bytes (standard error kept apart), after it exits with 0. */
  private static byte[] output(Map<String, String> environment, String... command)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(scenario.toFile());
    builder.environment().putAll(environment);
    builder.redirectError(scenario.resolve("stderr.txt").toFile());
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue())
        .as("%s:\n%s", String.join(" ", command), Files.readString(scenario.resolve("stderr.txt")))
        .isZero();
    return out;
  }

  private static String unsquashfsListing(Path image, String... paths) throws Exception {
    List<String> command = new ArrayList<>(List.of("unsquashfs", "-lln", image.toString()));
    command.addAll(List.of(paths));
    return new String(
        output(Map.of("TZ", "UTC"), command.toArray(String[]::new)), StandardCharsets.UTF_8);
  }

  private static String admin() {
    return AdminProcess.repositoryRoot().resolve("bin/capsem-admin").toString();
  }

  // A third build and mksquashfs at zstd 15 over the whole rootfs: three minutes on two cores,
  // more than CI's budget allows. SquashfsWriterRealToolsTest holds the same property in every
  // build, against mksquashfs -tar on a tree with every node kind.
  @Test
  @Order(10)
  @EnabledIfEnvironmentVariable(named = "CAPSEM_SLOW_IT", matches = "1")
  void build_mksquashfsOfTheSameExport_listsTheSameTreeAsOurWriter() throws Exception {
    Path ours = firstRootfs();
    List<String> args = new ArrayList<>(build("ci-small.profile.toml", "rootfs", "assets-mks"));
    // With the cache, though the first builds (without it) left no layers: the build is
    // reproducible (the second build's bytes are the first's), so it makes the same tree again.
    args.remove("--no-cache");
    args.addAll(List.of("--squashfs-writer", "mksquashfs"));
    AdminProcess.Run run = admin(Map.of(), args);
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    Path theirs = scenario.resolve("assets-mks/x86_64/rootfs.squashfs");

    String ourListing = unsquashfsListing(ours);
    assertThat(ourListing.lines().count()).isGreaterThan(1000);
    // Every entry, mode, owner, size, time and link target is the same. A directory's size is
    // not: it counts its listing's headers, and a header starts wherever the entries' inodes
    // cross a metadata block, which depends on where each writer places the inodes (ours and
    // mksquashfs's differ there by a header of 12 bytes now and then).
    assertThat(withoutDirectorySizes(ourListing))
        .isEqualTo(withoutDirectorySizes(unsquashfsListing(theirs)));
  }

  /** An {@code unsquashfs -lln} listing with each directory's size column blanked. */
  private static String withoutDirectorySizes(String listing) {
    return listing.replaceAll("(?m)^(d\\S+ \\S+) +\\d+ ", "$1 - ");
  }

  @Test
  @Order(11)
  void imageLsAndCat_onTheBuiltRootfs_matchUnsquashfs() throws Exception {
    Path rootfs = firstRootfs();
    String image = "assets-first/x86_64/rootfs.squashfs";

    byte[] listing = output(Map.of("TZ", "UTC"), admin(), "image", "ls", image);
    byte[] etc = output(Map.of("TZ", "UTC"), admin(), "image", "ls", image, "/etc");
    byte[] jq = output(Map.of(), admin(), "image", "cat", image, "/usr/bin/jq");
    byte[] banner = output(Map.of(), admin(), "image", "cat", image, "/etc/capsem-banner.txt");

    assertThat(new String(listing, StandardCharsets.UTF_8)).isEqualTo(unsquashfsListing(rootfs));
    assertThat(new String(etc, StandardCharsets.UTF_8))
        .isEqualTo(unsquashfsListing(rootfs, "/etc"));
    assertThat(jq)
        .hasSizeGreaterThan(1000)
        .isEqualTo(output(Map.of(), "unsquashfs", "-cat", rootfs.toString(), "/usr/bin/jq"));
    assertThat(banner)
        .isEqualTo(
            output(Map.of(), "unsquashfs", "-cat", rootfs.toString(), "/etc/capsem-banner.txt"));
  }

  @Test
  @Order(12)
  void sbom_fromTheRootfs_listsEveryPackageDpkgQueryListsInAContainerOfTheImage() throws Exception {
    Path rootfs = firstRootfs();
    String tag = "capsem-it-rootfs:" + Long.toHexString(System.nanoTime());
    Path tree = scenario.resolve("rootfs-tree");
    output(Map.of(), "unsquashfs", "-q", "-n", "-d", tree.toString(), rootfs.toString());
    output(Map.of(), "bash", "-c", "tar -C rootfs-tree -c . | docker import - " + tag);
    String installed;
    try {
      installed =
          new String(
              output(
                  Map.of(),
                  "docker",
                  "run",
                  "--rm",
                  "--network",
                  "none",
                  tag,
                  "dpkg-query",
                  "-W",
                  "-f",
                  "${db:Status-Abbrev}\t${Package}\t${Version}\t${Architecture}\n"),
              StandardCharsets.UTF_8);
    } finally {
      new ProcessBuilder("docker", "rmi", "-f", tag).start().waitFor(1, TimeUnit.MINUTES);
    }
    AdminProcess.Run run = sbomOfFirstBuild();
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(dev.capsem.core.testing.SpdxValidation.errors(run.stdout())).isEmpty();
    Set<String> described = new TreeSet<>();
    ObjectNode sbom = (ObjectNode) JsonReader.read(run.stdout(), JsonDialect.PYTHON);
    for (Node node : ((ArrayNode) sbom.get("packages")).items()) {
      ObjectNode pkg = (ObjectNode) node;
      if (pkg.get("externalRefs") == null) {
        continue; // the kernel, the initrd and the guest binaries: files, not packages
      }
      for (Node ref : ((ArrayNode) pkg.get("externalRefs")).items()) {
        String purl = ((ObjectNode) ref).string("referenceLocator");
        if (purl.startsWith("pkg:deb/")) {
          String arch = purl.replaceAll(".*[?&]arch=([^&]+).*", "$1");
          described.add(pkg.string("name") + " " + pkg.string("versionInfo") + " " + arch);
        }
      }
    }
    Set<String> listed = new TreeSet<>();
    for (String line : installed.split("\n")) {
      String[] fields = line.split("\t");
      if (fields.length == 4 && fields[0].startsWith("ii")) {
        listed.add(fields[1].replaceAll(":.*", "") + " " + fields[2] + " " + fields[3]);
      }
    }

    assertThat(listed)
        .hasSizeGreaterThan(50)
        .anyMatch(l -> l.startsWith("jq ") && l.endsWith(" amd64"))
        .anyMatch(l -> l.endsWith(" all"));
    assertThat(described).containsAll(listed);
  }
}
