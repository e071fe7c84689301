package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * A real arm64 image built on an x86_64 engine, twice: the kernel cross-compiled with the kit's
 * {@code defconfig.arm64}, the initrd's busybox taken from Debian's arm64 package, the rootfs built
 * through qemu-user from {@code arm64v8/debian:bookworm-slim}. The first build may use the engine's
 * layer cache (on a fresh machine it has none), the second uses none; they must give the same
 * bytes, and the image must boot under {@code qemu-system-aarch64} (TCG) into a rootfs whose
 * programs are aarch64.
 *
 * <p>It takes a long time on two cores (two kernel compiles and two emulated rootfs builds), so it
 * runs only when asked: {@code CAPSEM_ARM64_BUILD=1 scripts/test.sh}. The kernel source is Debian's
 * linux-source tarball that {@code scripts/kernel-source.sh} fetches (once, then cached). It needs
 * what {@code scripts/setup-machine.sh} installs: the binfmt handler, the arm64 base image,
 * squashfs-tools, cpio and qemu-system-aarch64.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfEnvironmentVariable(named = "CAPSEM_ARM64_BUILD", matches = "1")
class ImageBuildArm64RealTest {

  private static final String EPOCH = "1776729600";
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(150);
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(10);
  private static final Path KIT_DEFCONFIGS =
      Path.of("capsem-guest-kit/src/main/resources/dev/capsem/kit/config/kernel");

  @TempDir static Path scenario;

  /** {@code --kernel-source <tarball> --kernel-sha256 <hex>}, from scripts/kernel-source.sh. */
  private static List<String> kernelSource;

  @BeforeAll
  static void machineAndInputs() throws Exception {
    String problem = machineProblem();
    if (problem != null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true and CAPSEM_ARM64_BUILD=1 but " + problem);
      }
      Assumptions.abort(problem + "; skipping the arm64 build");
    }
    kernelSource =
        List.of(
            new String(
                    bytes(
                        AdminProcess.repositoryRoot()
                            .resolve("scripts/kernel-source.sh")
                            .toString()),
                    StandardCharsets.UTF_8)
                .strip()
                .split(" "));
    assertThat(kernelSource).hasSize(4).startsWith("--kernel-source");
    RealBuilds.smallProfileScenario(scenario);
    // The kit's capsem-init is PID 1 of a real guest; this one checks the rootfs and powers off.
    Path init = scenario.resolve("artifacts/capsem-init");
    RealBuilds.copyResource("image-build/arm64/boot-check-init", init);
    init.toFile().setExecutable(true, false);
    Path defconfigs = Files.createDirectories(scenario.resolve("defconfigs"));
    Files.copy(
        AdminProcess.repositoryRoot().resolve(KIT_DEFCONFIGS).resolve("defconfig.arm64"),
        defconfigs.resolve("defconfig.arm64"));
  }

  /** Null when this machine can build and boot arm64, else what is missing. */
  private static String machineProblem() throws Exception {
    if (!Files.isRegularFile(
        AdminProcess.repositoryRoot().resolve(KIT_DEFCONFIGS).resolve("defconfig.arm64"))) {
      return "the kit's defconfig.arm64 is missing under " + KIT_DEFCONFIGS;
    }
    String binfmt = "/proc/sys/fs/binfmt_misc/qemu-aarch64";
    if (!Files.isRegularFile(Path.of(binfmt))
        || !Files.readString(Path.of(binfmt)).startsWith("enabled")) {
      return "no enabled binfmt handler " + binfmt + ": run scripts/setup-machine.sh";
    }
    for (List<String> probe :
        List.of(
            List.of("docker", "image", "inspect", "arm64v8/debian:bookworm-slim"),
            List.of("qemu-system-aarch64", "--version"),
            // unsquashfs 4.5 answers -version with exit status 1: ask the shell whether it is
            // there.
            List.of("sh", "-c", "command -v unsquashfs"),
            List.of("cpio", "--version"))) {
      try {
        Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
          return String.join(" ", probe) + " failed (" + output.strip() + ")";
        }
      } catch (IOException e) {
        return probe.get(0) + " is not installed: run scripts/setup-machine.sh";
      }
    }
    return null;
  }

  private static AdminProcess.Run build(String out, boolean noCache) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "image",
                "build",
                "ci-small.profile.toml",
                "--arch",
                "arm64",
                "--out",
                out,
                "--json"));
    args.addAll(RealBuilds.smallProfileInputs("defconfigs"));
    args.addAll(kernelSource);
    if (noCache) {
      args.add("--no-cache");
    }
    return AdminProcess.run(
            scenario,
            Map.of("SOURCE_DATE_EPOCH", EPOCH),
            BUILD_TIMEOUT,
            args.toArray(String[]::new))
        .assertNoStackTrace();
  }

  private static Path asset(String round, String name) {
    return scenario.resolve("assets-" + round).resolve("arm64").resolve(name);
  }

  @Test
  @Order(1)
  void build_twiceTheSecondWithoutCache_crossCompilesAndGivesTheSameBytes() throws Exception {
    List<String> sums = new ArrayList<>();
    for (String round : List.of("first", "second")) {
      AdminProcess.Run run = build("assets-" + round, round.equals("second"));

      assertThat(run.exitCode()).as("arm64 build %s:\n%s", round, run.stderr()).isZero();
      assertThat(run.stderr())
          .contains(
              "arm64 on a linux/amd64 engine: kernel cross-compiled (aarch64-linux-gnu-),"
                  + " busybox from Debian's arm64 package, rootfs from"
                  + " arm64v8/debian:bookworm-slim through qemu-user")
          .containsPattern("docker build --platform linux/amd64 [^\\n]* -t capsem-kernel-arm64:")
          .containsPattern("docker build --platform linux/arm64 [^\\n]* -t capsem-rootfs-arm64:")
          .contains("<== arm64 kernel done in ")
          .contains("<== arm64 rootfs done in ");
      ObjectNode report = (ObjectNode) JsonReader.read(run.stdout(), JsonDialect.PYTHON);
      assertThat(report.object("kernel").string("sha256")).isEqualTo(kernelSource.get(3));
      sums.add(Files.readString(scenario.resolve("assets-" + round).resolve("B3SUMS")));
    }

    if (!sums.get(0).equals(sums.get(1))) {
      fail("the two arm64 builds differ:\n" + sums.get(0) + "\n" + sums.get(1) + differences());
    }
    assertThat(sums.get(0))
        .containsPattern("[0-9a-f]{64}  arm64/initrd.img\n")
        .containsPattern("[0-9a-f]{64}  arm64/rootfs.squashfs\n")
        .containsPattern("[0-9a-f]{64}  arm64/vmlinuz\n");
  }

  @Test
  @Order(2)
  void build_kernel_isAnArm64ImageAndTheInitrdBusyboxAStaticAarch64Program() throws Exception {
    Path vmlinuz = asset("first", "vmlinuz");
    Assumptions.assumeTrue(Files.isRegularFile(vmlinuz), "the first build did not run");

    byte[] image = Files.readAllBytes(vmlinuz);
    // The arm64 Image header: "ARM\x64" at offset 56.
    assertThat(new String(image, 56, 4, StandardCharsets.ISO_8859_1)).isEqualTo("ARM\u0064");
    byte[] busybox =
        bytes(
            "bash",
            "-c",
            "gzip -dc " + asset("first", "initrd.img") + " | cpio -i --to-stdout bin/busybox");
    assertThat(elfMachine(busybox)).as("e_machine of bin/busybox").isEqualTo(183); // EM_AARCH64
    assertThat(hasInterpreter(busybox)).as("bin/busybox is static").isFalse();
  }

  @Test
  @Order(3)
  void build_rootfs_holdsAarch64ProgramsAndTheProfilesPackages() throws Exception {
    Path rootfs = asset("first", "rootfs.squashfs");
    Assumptions.assumeTrue(Files.isRegularFile(rootfs), "the first build did not run");

    for (String program : List.of("/usr/bin/jq", "/usr/bin/bash", "/usr/bin/python3.11")) {
      byte[] elf = bytes("unsquashfs", "-cat", rootfs.toString(), program);
      assertThat(elfMachine(elf)).as("e_machine of %s", program).isEqualTo(183);
    }
    ObjectNode inventory =
        (ObjectNode)
            JsonReader.read(
                Files.readString(asset("first", "image-inventory.json")), JsonDialect.PYTHON);
    assertThat(inventory.object("apt").keys()).contains("jq", "python3-six", "nodejs");
    assertThat(inventory.object("node_packages").string("marked")).isEqualTo("15.0.12");
  }

  @Test
  @Order(4)
  void boot_underQemuSystemAarch64_reachesTheChecksInsideTheRootfs() throws Exception {
    Assumptions.assumeTrue(
        Files.isRegularFile(asset("first", "rootfs.squashfs")), "the first build did not run");
    Path console = scenario.resolve("console-arm64.log");
    List<String> qemu =
        List.of(
            "qemu-system-aarch64",
            "-M",
            "virt",
            "-cpu",
            "cortex-a57",
            "-smp",
            "2",
            "-m",
            "1024",
            "-nographic",
            "-no-reboot",
            "-kernel",
            asset("first", "vmlinuz").toString(),
            "-initrd",
            asset("first", "initrd.img").toString(),
            "-drive",
            "file=" + asset("first", "rootfs.squashfs") + ",if=none,format=raw,readonly=on,id=root",
            "-device",
            "virtio-blk-pci,drive=root",
            "-device",
            "virtio-rng-pci",
            "-append",
            "console=ttyAMA0 panic=-1");
    Process process =
        new ProcessBuilder(qemu)
            .redirectErrorStream(true)
            .redirectOutput(console.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    boolean ended = process.waitFor(BOOT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly().waitFor();
    }
    String log = Files.readString(console, StandardCharsets.ISO_8859_1);

    assertThat(ended).as("the VM powered off within %s; console:\n%s", BOOT_TIMEOUT, log).isTrue();
    assertThat(log).contains("capsem-boot-check: begin").contains("capsem-boot-check: end");
    String checks =
        log.substring(
            log.indexOf("capsem-boot-check: begin"), log.indexOf("capsem-boot-check: end"));
    assertThat(checks)
        .as(log)
        .contains("machine=aarch64")
        .contains("dpkg_arch=arm64")
        .containsPattern("filesystems=[^\\n]*overlay[^\\n]*squashfs")
        .contains("jq=jq-1.6")
        .contains("python3=aarch64")
        .contains("marked=15.0.12")
        .contains("overlay_opaque=ok")
        .doesNotContain("FAIL");
    assertThat(log).doesNotContain("overlayfs: failed to set xattr");
  }

  /**
   * The product's own boot test on arm64: the kit image of the boot tests ({@link KitImage}: the
   * whole guest kit, its boot profile, placeholder agents) built for arm64 (the kernel from the
   * engine's cache of the builds above; the rootfs through qemu-user), then {@code capsem-admin
   * image test} boots it under {@code qemu-system-aarch64} TCG with the kit's {@code capsem-init}
   * as PID 1 and runs every check of the kit's diagnostics suite inside.
   */
  @Test
  @Order(5)
  void imageTest_kitImageForArm64_passesEveryCheckUnderQemuSystemAarch64() throws Exception {
    Assumptions.assumeTrue(
        Files.isRegularFile(asset("first", "rootfs.squashfs")), "the first build did not run");
    Path dir = scenario.resolve("kit-image");
    List<String> args = KitImage.prepare(dir, "arm64", Path.of(kernelSource.get(1)));
    AdminProcess.Run built =
        AdminProcess.run(
                dir,
                Map.of("SOURCE_DATE_EPOCH", KitImage.EPOCH),
                BUILD_TIMEOUT,
                args.toArray(String[]::new))
            .assertNoStackTrace();
    assertThat(built.exitCode()).as("arm64 kit image:\n%s", built.stderr()).isZero();

    long started = System.nanoTime();
    AdminProcess.Run tested =
        AdminProcess.run(
                dir,
                Map.of("SOURCE_DATE_EPOCH", KitImage.EPOCH),
                BOOT_TIMEOUT.plusMinutes(5),
                "image",
                "test",
                KitImage.PROFILE,
                "--assets-dir",
                "assets",
                "--arch",
                "arm64",
                "--ca",
                "capsem-ca.crt",
                "--timeout",
                String.valueOf(BOOT_TIMEOUT.toSeconds()))
            .assertNoStackTrace();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(tested.exitCode())
        .as("image test arm64:\n%s\n%s", tested.stdout(), tested.stderr())
        .isZero();
    assertThat(tested.stdout()).contains("image test arm64: ").contains(": ok");
    System.out.printf(
        "arm64 kit image: image test took %d s:%n%s%n", took.toSeconds(), tested.stdout().strip());
  }

  private static byte[] bytes(String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    return out;
  }

  /** {@code e_machine} of a 64-bit little-endian ELF file. */
  private static int elfMachine(byte[] elf) {
    assertThat(elf).as("an ELF file").startsWith(0x7f, 'E', 'L', 'F', 2, 1);
    return ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).getShort(18) & 0xffff;
  }

  /** Whether a 64-bit little-endian ELF file names a program interpreter (is dynamic). */
  private static boolean hasInterpreter(byte[] elf) {
    ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
    long phoff = b.getLong(32);
    int phentsize = b.getShort(54) & 0xffff;
    int phnum = b.getShort(56) & 0xffff;
    for (int i = 0; i < phnum; i++) {
      if (b.getInt((int) phoff + i * phentsize) == 3) { // PT_INTERP
        return true;
      }
    }
    return false;
  }

  /** Which files inside the two rootfs and initrd images differ, for a failing comparison. */
  private static String differences() throws Exception {
    StringBuilder out = new StringBuilder();
    for (String round : List.of("first", "second")) {
      bytes(
          "unsquashfs",
          "-no-progress",
          "-d",
          scenario.resolve("unpacked-" + round).toString(),
          asset(round, "rootfs.squashfs").toString());
      Path initrd = Files.createDirectories(scenario.resolve("initrd-" + round));
      bytes(
          "bash",
          "-c",
          "cd " + initrd + " && gzip -dc " + asset(round, "initrd.img") + " | cpio -id --quiet");
    }
    out.append("\nrootfs files that differ: ")
        .append(
            differingFiles(scenario.resolve("unpacked-first"), scenario.resolve("unpacked-second")))
        .append("\ninitrd files that differ: ")
        .append(differingFiles(scenario.resolve("initrd-first"), scenario.resolve("initrd-second")))
        .append("\nvmlinuz differs: ")
        .append(Files.mismatch(asset("first", "vmlinuz"), asset("second", "vmlinuz")) != -1);
    return out.toString();
  }

  private static Set<String> differingFiles(Path a, Path b) throws IOException {
    Set<String> all = new TreeSet<>();
    for (Path root : List.of(a, b)) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.forEach(p -> all.add(root.relativize(p).toString()));
      }
    }
    Set<String> differing = new TreeSet<>();
    for (String relative : all) {
      Path x = a.resolve(relative);
      Path y = b.resolve(relative);
      if (!Files.exists(x, LinkOption.NOFOLLOW_LINKS)
          || !Files.exists(y, LinkOption.NOFOLLOW_LINKS)) {
        differing.add(relative + " (only in one)");
      } else if (Files.isRegularFile(x, LinkOption.NOFOLLOW_LINKS) && Files.mismatch(x, y) != -1) {
        differing.add(relative);
      } else if (Files.isSymbolicLink(x)
          && !Files.readSymbolicLink(x).equals(Files.readSymbolicLink(y))) {
        differing.add(relative + " (link target)");
      }
    }
    return differing;
  }
}
