package dev.capsem.qemu;

import dev.capsem.core.ports.VirtualMachineException;
import dev.capsem.core.ports.VirtualMachines;
import dev.capsem.core.ports.VmRun;
import dev.capsem.core.ports.VmSpec;
import dev.capsem.core.ports.VmSpec.Accelerator;
import dev.capsem.core.ports.VmSpec.VmDisk;
import dev.capsem.docker.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The virtual-machine port on QEMU. Every process starts through the product's one {@link
 * ProcessRunner}, which kills a VM that outlives its timeout together with anything it started.
 *
 * <p>{@link Accelerator#AUTO} takes KVM when the KVM device can be opened and the guest has the
 * host's architecture. A KVM run that the VMM ends with an error, or that hangs with KVM errors on
 * its standard error (some hosts' KVM rejects a model-specific register QEMU sets), is run again
 * under TCG, and the run says why.
 */
final class QemuVirtualMachines implements VirtualMachines {

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern KVM_TROUBLE =
      Pattern.compile("(?i)kvm|\\bMSR\\b|entry failed|hardware error");

  private final ProcessRunner runner;
  private final Path kvmDevice;
  private final String hostArch;

  QemuVirtualMachines(ProcessRunner runner, Path kvmDevice, String hostArch) {
    this.runner = runner;
    this.kvmDevice = kvmDevice;
    this.hostArch = hostArch;
  }

  @Override
  public String probe(String arch) throws VirtualMachineException {
    QemuCommand.Machine machine = QemuCommand.machine(arch);
    String executable = locate(machine);
    try {
      ProcessRunner.Completed done = runner.run(List.of(executable, "--version"), PROBE_TIMEOUT);
      if (done.exitCode() != 0) {
        throw new VirtualMachineException(
            VirtualMachineException.Kind.FAILED,
            "'" + machine.executable() + " --version' exited " + done.exitCode(),
            "",
            done.stderrTail(5));
      }
      return done.stdout().lines().findFirst().orElse(machine.executable()).strip();
    } catch (ProcessRunner.NotFound e) {
      throw notInstalled(machine);
    } catch (ProcessRunner.TimedOut | IOException e) {
      throw new VirtualMachineException(
          VirtualMachineException.Kind.FAILED, e.getMessage(), "", "");
    }
  }

  @Override
  public VmRun boot(VmSpec spec) throws VirtualMachineException {
    QemuCommand.Machine machine = QemuCommand.machine(spec.arch());
    checkInputs(spec);
    String note = "";
    Accelerator accelerator = spec.accelerator();
    if (accelerator == Accelerator.AUTO) {
      String noKvm = kvmProblem(spec.arch());
      accelerator = noKvm == null ? Accelerator.KVM : Accelerator.TCG;
      note = noKvm == null ? "" : noKvm;
    } else if (accelerator == Accelerator.KVM) {
      String noKvm = kvmProblem(spec.arch());
      if (noKvm != null) {
        throw new VirtualMachineException(
            VirtualMachineException.Kind.FAILED,
            "KVM was asked for, but " + noKvm,
            "ask for TCG (or auto), or give this user access to " + kvmDevice,
            "");
      }
    }
    Attempt attempt = run(machine, spec, accelerator);
    if (accelerator == Accelerator.KVM
        && spec.accelerator() == Accelerator.AUTO
        && attempt.kvmFailed()) {
      note = "KVM failed (" + attempt.firstKvmLine() + "); ran under TCG";
      attempt = run(machine, spec, Accelerator.TCG);
      accelerator = Accelerator.TCG;
    }
    if (!attempt.timedOut() && attempt.exitCode() != 0) {
      throw new VirtualMachineException(
          VirtualMachineException.Kind.FAILED,
          "'" + machine.executable() + "' exited " + attempt.exitCode() + " before the guest ran",
          "",
          attempt.stderrTail());
    }
    return new VmRun(
        accelerator,
        note,
        attempt.timedOut() ? null : attempt.exitCode(),
        attempt.timedOut(),
        attempt.elapsed(),
        spec.consoleLog());
  }

  /** What one start of the VMM did. */
  private record Attempt(
      int exitCode, boolean timedOut, Duration elapsed, List<String> stderrLines) {

    String stderrTail() {
      int from = Math.max(0, stderrLines.size() - 10);
      return String.join("\n", stderrLines.subList(from, stderrLines.size()));
    }

    /** KVM rejected the guest: the VMM failed, or hung after reporting KVM errors. */
    boolean kvmFailed() {
      return (exitCode != 0 || timedOut) && firstKvmLine() != null;
    }

    String firstKvmLine() {
      for (String line : stderrLines) {
        if (KVM_TROUBLE.matcher(line).find()) {
          return line.strip();
        }
      }
      return exitCode != 0 ? "exit " + exitCode : null;
    }
  }

  private Attempt run(QemuCommand.Machine machine, VmSpec spec, Accelerator accelerator)
      throws VirtualMachineException {
    List<String> command = new ArrayList<>(QemuCommand.of(spec, accelerator));
    command.set(0, locate(machine));
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    try {
      Files.deleteIfExists(spec.consoleLog());
      Files.createDirectories(spec.consoleLog().toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new VirtualMachineException(
          VirtualMachineException.Kind.FAILED,
          "cannot prepare the console file " + spec.consoleLog() + ": " + e.getMessage(),
          "",
          "");
    }
    long started = System.nanoTime();
    try {
      // QEMU prints nothing on standard output here (the console goes to its file): every line
      // the consumer sees is a diagnostic of the VMM's.
      ProcessRunner.Completed done = runner.run(command, spec.timeout(), null, null, lines::add);
      return new Attempt(done.exitCode(), false, since(started), List.copyOf(lines));
    } catch (ProcessRunner.TimedOut e) {
      return new Attempt(-1, true, since(started), List.copyOf(lines));
    } catch (ProcessRunner.NotFound e) {
      throw notInstalled(machine);
    } catch (IOException e) {
      throw new VirtualMachineException(
          VirtualMachineException.Kind.FAILED,
          "cannot run " + machine.executable() + ": " + e.getMessage(),
          "",
          String.join("\n", lines));
    }
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /**
   * The VMM's executable on the runner's own {@code PATH} (the one its processes get), not this
   * JVM's: the caller configures where QEMU is found.
   */
  private String locate(QemuCommand.Machine machine) throws VirtualMachineException {
    String path = runner.environment().get("PATH");
    if (path == null) {
      return machine.executable();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, machine.executable());
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw notInstalled(machine);
  }

  /** Why KVM cannot run this guest here, or null when it can. */
  private String kvmProblem(String arch) {
    if (!arch.equals(hostArch)) {
      return "the guest is " + arch + " and the host " + hostArch + " (KVM runs the host's own)";
    }
    if (!Files.exists(kvmDevice)) {
      return kvmDevice + " does not exist";
    }
    if (!Files.isReadable(kvmDevice) || !Files.isWritable(kvmDevice)) {
      return kvmDevice + " cannot be opened by this user";
    }
    return null;
  }

  /** Files the VM needs are there before QEMU starts, so that its error is ours, and plain. */
  private static void checkInputs(VmSpec spec) throws VirtualMachineException {
    List<String> missing = new ArrayList<>();
    for (Path file : List.of(spec.kernel(), spec.initrd())) {
      if (!Files.isRegularFile(file)) {
        missing.add(file.toString());
      }
    }
    for (VmDisk disk : spec.disks()) {
      if (!Files.isRegularFile(disk.file())) {
        missing.add(disk.file().toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new VirtualMachineException(
          VirtualMachineException.Kind.FAILED,
          "the VM's files are missing: " + String.join(", ", missing),
          "",
          "");
    }
  }

  private static VirtualMachineException notInstalled(QemuCommand.Machine machine) {
    boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
    return new VirtualMachineException(
        VirtualMachineException.Kind.NOT_INSTALLED,
        machine.executable() + " not found on PATH",
        mac ? "brew install qemu" : "sudo apt-get install " + machine.apt(),
        "");
  }
}
