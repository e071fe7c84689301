package dev.capsem.core.internal.boottest;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.profile.ArchAssets;
import dev.capsem.core.internal.profile.AssetDeclaration;
import dev.capsem.core.ports.AtomicFiles;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.VirtualMachineException;
import dev.capsem.core.ports.VirtualMachines;
import dev.capsem.core.ports.VmRun;
import dev.capsem.core.ports.VmSpec;
import dev.capsem.core.ports.VmSpec.VmDisk;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The boot proof (decision D19): per architecture, the built kernel, initrd and rootfs booted in a
 * VM in the kit's test mode ({@code capsem.test=1}): capsem-init follows the normal boot up to the
 * hand-over to the PTY agent, runs the image's diagnostics against the profile's expectations,
 * writes their results as a tar onto a blank disk, and resets the VM, which ends it.
 *
 * <p>The VM's disks, in order: the rootfs ({@code /dev/vda}, read-only), a blank scratch disk
 * ({@code /dev/vdb}, capsem-init formats it), the expectations ({@code /dev/vdc}, read-only, a tar,
 * serial {@code capsem-expect}) and the result disk ({@code /dev/vdd}, serial {@code
 * capsem-result}). The result tar is the doctor bundle {@code image verify --doctor-bundle} reads;
 * it is written to {@code <assets>/<arch>/doctor-bundle.tar} with the console log beside it ({@code
 * boot-console.log}).
 */
public final class BootTest {

  static final String BUNDLE = "doctor-bundle.tar";
  static final String CONSOLE = "boot-console.log";
  static final String EXPECT_SERIAL = "capsem-expect";
  static final String RESULT_SERIAL = "capsem-result";

  /** The kit's test mode, block storage; a panic stops the VM at once (no reboot). */
  static final String COMMAND_LINE = "panic=-1 capsem.test=1 capsem.storage=block";

  private static final long SCRATCH_CAP_MIB = 2048;
  private static final long RESULT_DISK_BYTES = 64L << 20;
  private static final int CONSOLE_LINES = 25;

  private final VirtualMachines machines;
  private final BuildProgress progress;

  public BootTest(VirtualMachines machines, BuildProgress progress) {
    this.machines = machines;
    this.progress = progress;
  }

  /** Boots every requested architecture, one after the other, and reports on all of them. */
  public BootTestResult run(BootTestRequest request) {
    List<ArchResult> results = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Expectations expectations;
    try {
      expectations = expectations(request);
    } catch (IOException e) {
      diagnostics.add(
          error(
              Code.E506,
              request.caCertificate().toString(),
              "cannot read the CA certificate to expect: " + e.getMessage()));
      return result(request, results, diagnostics);
    }
    for (String range : expectations.ranges()) {
      diagnostics.add(
          new Diagnostic(
              Code.W501,
              null,
              "",
              null,
              "the boot test checks only that "
                  + range.substring(0, range.indexOf(' '))
                  + " is there: its range '"
                  + range.substring(range.indexOf(' ') + 1)
                  + "' is judged by image verify --version-match ranges"));
    }
    for (String arch : request.arches()) {
      try (BuildProgress.Step step = progress.begin(arch + " boot test")) {
        ArchResult result = boot(request, arch, expectations, diagnostics);
        results.add(result);
        if (result.ok()) {
          step.succeeded();
        }
      }
    }
    BootTestResult result = result(request, results, diagnostics);
    result.summary().forEach(progress::note);
    return result;
  }

  private static BootTestResult result(
      BootTestRequest request, List<ArchResult> results, List<Diagnostic> diagnostics) {
    return new BootTestResult(
        request.profile().id(),
        request.profile().revision(),
        request.assetsShown(),
        results,
        diagnostics);
  }

  private static Expectations expectations(BootTestRequest request) throws IOException {
    byte[] ca =
        request.caCertificate() == null ? null : Files.readAllBytes(request.caCertificate());
    return Expectations.of(
        request.profile(), request.versionCommands(), request.agents(), ca, request.npmPrefix());
  }

  private ArchResult boot(
      BootTestRequest request, String arch, Expectations expectations, List<Diagnostic> found) {
    Path archDir = request.assetsDir().resolve(arch);
    String shown = trimSlash(request.assetsShown()) + "/" + arch;
    Path kernel = asset(request, arch, "kernel", "vmlinuz", found);
    Path initrd = asset(request, arch, "initrd", "initrd.img", found);
    Path rootfs = asset(request, arch, "rootfs", "rootfs.squashfs", found);
    if (kernel == null || initrd == null || rootfs == null) {
      return ArchResult.notBooted(arch, null);
    }
    Path work = request.workDir().resolve(arch);
    try {
      deleteTree(work);
      Files.createDirectories(work);
      Path scratch = sparse(work.resolve("scratch.img"), scratchBytes(request));
      Path expect = work.resolve("expect.img");
      Files.write(expect, padded(expectations.tar()));
      Path resultDisk = sparse(work.resolve("result.img"), RESULT_DISK_BYTES);
      Path console = work.resolve(CONSOLE);
      VmSpec spec =
          new VmSpec(
              arch,
              kernel,
              initrd,
              List.of(
                  new VmDisk(rootfs, true, "capsem-rootfs"),
                  new VmDisk(scratch, false, "capsem-scratch"),
                  new VmDisk(expect, true, EXPECT_SERIAL),
                  new VmDisk(resultDisk, false, RESULT_SERIAL)),
              COMMAND_LINE,
              (int) Math.min(request.profile().vm().memoryMib(), request.maxMemoryMib()),
              (int) Math.min(request.profile().vm().cpus(), request.maxCpus()),
              request.accelerator(),
              console,
              request.timeout());
      VmRun run;
      try {
        progress.note(arch + ": booting " + shown + " (kernel, initrd, rootfs)");
        run = machines.boot(spec);
      } catch (VirtualMachineException e) {
        found.add(vmFailure(arch, e));
        return ArchResult.notBooted(arch, null);
      }
      Files.createDirectories(archDir);
      String consoleText =
          Files.exists(console) ? Files.readString(console, StandardCharsets.ISO_8859_1) : "";
      AtomicFiles.writeString(archDir.resolve(CONSOLE), consoleText);
      GuestResults results = readResults(arch, resultDisk, found);
      String bundleShown = null;
      if (results != null && !results.empty()) {
        AtomicFiles.write(archDir.resolve(BUNDLE), results.bundle());
        bundleShown = shown + "/" + BUNDLE;
      }
      return judge(
          request, arch, run, ConsoleLog.of(consoleText), results, shown, bundleShown, found);
    } catch (IOException e) {
      found.add(
          error(
              Code.E507,
              null,
              arch + ": cannot prepare or read the VM's files: " + e.getMessage()));
      return ArchResult.notBooted(arch, null);
    } finally {
      try {
        deleteTree(work);
      } catch (IOException e) {
        progress.note("warning: cannot remove " + work + ": " + e.getMessage());
      }
    }
  }

  private static GuestResults readResults(String arch, Path disk, List<Diagnostic> found) {
    try {
      return GuestResults.read(disk);
    } catch (IOException e) {
      found.add(
          error(
              Code.E505,
              null,
              arch + ": the result disk does not hold a readable tar: " + e.getMessage()));
      return null;
    }
  }

  /** The verdict of one boot, from how the VM ended, its console and its results. */
  private ArchResult judge(
      BootTestRequest request,
      String arch,
      VmRun run,
      ConsoleLog console,
      GuestResults results,
      String shown,
      String bundleShown,
      List<Diagnostic> found) {
    int before = found.size();
    boolean haveResults = results != null && !results.empty();
    if (!haveResults) {
      found.add(noResults(request, arch, run, console));
    } else if (!results.members().containsKey(GuestResults.JUNIT)) {
      found.add(
          error(
              Code.E505,
              null,
              arch
                  + ": the guest's results hold no "
                  + GuestResults.JUNIT
                  + " (capsem-doctor did not run:"
                  + " see "
                  + shown
                  + "/"
                  + BUNDLE
                  + ")"
                  + tailOf(results.text("pytest-output.txt"))));
    } else if (results.cases().isEmpty()) {
      found.add(error(Code.E505, null, arch + ": the guest's checks report no test case"));
    }
    if (haveResults && run.timedOut()) {
      found.add(
          error(
              Code.E504,
              null,
              arch
                  + ": the guest wrote its results but did not stop the VM within "
                  + request.timeout().toSeconds()
                  + " s; the VM was killed; last console lines:"
                  + console.tail(CONSOLE_LINES)));
    }
    List<String> failed = new ArrayList<>();
    if (haveResults) {
      for (GuestResults.Check check : results.cases()) {
        if (check.outcome() == GuestResults.Outcome.FAILED) {
          failed.add(check.id());
          found.add(
              error(
                  Code.E503,
                  null,
                  arch
                      + ": check "
                      + check.id()
                      + " failed: "
                      + check.message()
                      + indented(check.output(), check.message())));
        }
      }
    }
    Double checksDone = null;
    if (haveResults && results.text("checks-done-ms.txt") != null) {
      try {
        checksDone = Long.parseLong(results.text("checks-done-ms.txt").strip()) / 1000.0;
      } catch (NumberFormatException ignored) {
        // A guest that wrote something else: the host's time still stands.
      }
    }
    boolean ok =
        found.subList(before, found.size()).stream().noneMatch(Diagnostic::isError)
            && !run.timedOut();
    return new ArchResult(
        arch,
        ok,
        run.accelerator().jsonName(),
        run.acceleratorNote(),
        run.elapsed().toMillis() / 1000.0,
        checksDone,
        haveResults ? results.cases().size() : 0,
        haveResults ? results.count(GuestResults.Outcome.PASSED) : 0,
        haveResults ? results.count(GuestResults.Outcome.FAILED) : 0,
        haveResults ? results.count(GuestResults.Outcome.SKIPPED) : 0,
        failed,
        shown + "/" + CONSOLE,
        bundleShown);
  }

  /** Why a VM left no results: a panic, PID 1 exiting, the timeout, or a silent stop. */
  private static Diagnostic noResults(
      BootTestRequest request, String arch, VmRun run, ConsoleLog console) {
    String panic = console.panic();
    String fatal = console.fatal();
    Integer initStatus = console.initExitStatus();
    if (panic != null && initStatus != null && fatal == null) {
      return error(
          Code.E502,
          null,
          arch
              + ": the initrd's init (PID 1) exited with status "
              + initStatus
              + " before the checks ran, and the kernel panicked; last console lines:"
              + console.tail(CONSOLE_LINES));
    }
    if (panic != null) {
      return error(
          Code.E501,
          null,
          arch
              + ": the kernel panicked: "
              + panic
              + (fatal != null ? " (capsem-init: " + fatal + ")" : "")
              + "; console:"
              + console.aroundPanic(CONSOLE_LINES));
    }
    if (run.timedOut()) {
      return error(
          Code.E504,
          null,
          arch
              + ": the guest did not finish its checks within "
              + request.timeout().toSeconds()
              + " s ("
              + (console.checksStarted()
                  ? "capsem-init started them"
                  : "capsem-init never started them")
              + "); the VM was killed; last console lines:"
              + console.tail(CONSOLE_LINES));
    }
    return error(
        Code.E505,
        null,
        arch
            + ": the VM stopped but its result disk holds no doctor bundle; last console lines:"
            + console.tail(CONSOLE_LINES));
  }

  private static Diagnostic vmFailure(String arch, VirtualMachineException e) {
    StringBuilder message = new StringBuilder(arch).append(": ").append(e.getMessage());
    if (!e.stderrTail().isBlank()) {
      message.append(indented(e.stderrTail(), ""));
    }
    if (!e.fix().isBlank()) {
      message.append("\n  fix: ").append(e.fix());
    }
    Code code = e.kind() == VirtualMachineException.Kind.NOT_INSTALLED ? Code.E500 : Code.E507;
    return error(code, null, message.toString());
  }

  /**
   * A boot asset: the build's name ({@code vmlinuz}) or the profile's declared one ({@code
   * kernel}), whichever exists; null (with E506) when neither does.
   */
  private static Path asset(
      BootTestRequest request, String arch, String kind, String built, List<Diagnostic> found) {
    Path dir = request.assetsDir().resolve(arch);
    List<String> names = new ArrayList<>(List.of(built));
    ArchAssets declared = request.profile().vm().assets().get(arch);
    if (declared != null) {
      AssetDeclaration asset =
          switch (kind) {
            case "kernel" -> declared.kernel();
            case "initrd" -> declared.initrd();
            default -> declared.rootfs();
          };
      if (asset != null && !asset.fileName().isEmpty() && !names.contains(asset.fileName())) {
        names.add(asset.fileName());
      }
    }
    for (String name : names) {
      if (Files.isRegularFile(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    String shown = trimSlash(request.assetsShown()) + "/" + arch + "/";
    found.add(
        error(
            Code.E506,
            shown + built,
            arch
                + ": no "
                + kind
                + " to boot: "
                + String.join(" nor ", names.stream().map(n -> shown + n).toList())
                + (names.size() > 1 ? " exists" : " does not exist")
                + " (build it first: image build --template all)"));
    return null;
  }

  private static long scratchBytes(BootTestRequest request) {
    return Math.min(request.profile().vm().diskMib(), SCRATCH_CAP_MIB) << 20;
  }

  /** A file of {@code size} bytes that takes no room until written. */
  private static Path sparse(Path file, long size) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size);
    }
    return file;
  }

  /** The bytes padded to whole 1 MiB (VMMs size disks in sectors; some round down). */
  private static byte[] padded(byte[] bytes) {
    int size = (bytes.length + (1 << 20) - 1) >> 20 << 20;
    return java.util.Arrays.copyOf(bytes, Math.max(size, 1 << 20));
  }

  private static String indented(String text, String skipIfEqual) {
    if (text == null || text.isBlank() || text.strip().equals(skipIfEqual.strip())) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    text.strip().lines().limit(20).forEach(line -> out.append("\n    | ").append(line));
    return out.toString();
  }

  private static String tailOf(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    List<String> lines = text.strip().lines().toList();
    return indented(
        String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size())), "");
  }

  private static String trimSlash(String path) {
    return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static Diagnostic error(Code code, String file, String message) {
    return new Diagnostic(code, file, "", null, message);
  }
}
