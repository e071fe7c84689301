package dev.capsem.core.internal.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * An architecture's kernel compiled on a thread of its own while its initrd and rootfs are built:
 * the compile keeps the cores busy while the rootfs waits on package downloads (on a first build of
 * two cores, minutes saved). Each step's lines name it in the build log and the progress. A failing
 * initrd or rootfs stops the compile (its process is killed); a failed compile is reported when the
 * other steps are done. The build's assets and steps are then put back in the order a build one
 * step at a time gives, so that reports do not depend on which step ended first.
 */
final class KernelAlongside implements AutoCloseable {

  private final BuildStep kernel;
  private final ExecutorService thread;
  private final Future<?> compile;

  private KernelAlongside(BuildStep kernel, ExecutorService thread, Future<?> compile) {
    this.kernel = kernel;
    this.thread = thread;
    this.compile = compile;
  }

  /**
   * Starts {@code arch}'s kernel step when it runs beside another step: a real build on a runtime
   * that runs commands side by side, the kernel to compile and another step to build. Else null:
   * the steps run one after the other.
   */
  static KernelAlongside startIfWorthIt(
      BuildRun run, ContainerChores chores, StepCache cache, String arch, List<BuildStep> steps) {
    if (run.dryRun() || !chores.runtime().runsCommandsSideBySide()) {
      return null;
    }
    BuildStep kernel =
        steps.stream().filter(step -> step instanceof KernelStep).findFirst().orElse(null);
    if (kernel == null
        || cache.reused(arch, kernel)
        || steps.stream().allMatch(step -> step == kernel || cache.reused(arch, step))) {
      return null;
    }
    BuildStep tagged = kernel.through(chores.tagged(arch + " kernel"));
    ExecutorService thread =
        Executors.newSingleThreadExecutor(task -> new Thread(task, "capsem-kernel-" + arch));
    Future<?> compile =
        thread.submit(
            () -> {
              tagged.run(run, arch, run.arch(arch));
              return null;
            });
    return new KernelAlongside(kernel, thread, compile);
  }

  /** Whether {@code step} is the one running here. */
  boolean runs(BuildStep step) {
    return step == kernel;
  }

  /** The kernel step, as the build's list has it (for its cache record). */
  BuildStep step() {
    return kernel;
  }

  /** Waits for the compile; its failure is the build's. */
  void awaitCompile() throws IOException {
    try {
      compile.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the kernel compiled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime; // BuildStop, UncheckedIOException
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new UncheckedIOException(new IOException(cause));
    }
  }

  /**
   * Puts {@code run}'s assets and steps in the order of the build's architectures and of {@code
   * steps} (a step's assets are its outputs), as a build one step at a time records them.
   */
  static void inBuildOrder(BuildRun run, List<BuildStep> steps) {
    List<String> arches = run.plan.arches();
    Comparator<BuildOutcome.BuiltAsset> assets =
        Comparator.<BuildOutcome.BuiltAsset>comparingInt(asset -> arches.indexOf(asset.arch()))
            .thenComparingInt(asset -> producer(steps, asset.name()));
    synchronized (run.assets) {
      run.assets.sort(assets);
    }
    run.steps.sort(
        Comparator.<BuildOutcome.StepDone>comparingInt(done -> arches.indexOf(done.arch()))
            .thenComparingInt(done -> position(steps, done.step())));
  }

  private static int producer(List<BuildStep> steps, String asset) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).outputs().contains(asset)) {
        return i;
      }
    }
    return steps.size();
  }

  private static int position(List<BuildStep> steps, String name) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).name().equals(name)) {
        return i;
      }
    }
    return steps.size();
  }

  /** Stops a compile still running (a step beside it failed) and ends the thread. */
  @Override
  public void close() {
    compile.cancel(true);
    thread.shutdownNow();
    try {
      // The compile's process is killed on interruption; its step then ends at once.
      thread.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
