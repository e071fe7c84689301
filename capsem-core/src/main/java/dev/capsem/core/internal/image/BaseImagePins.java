package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.oci.BaseImageDigests;
import dev.capsem.core.internal.oci.PinnedImage;
import dev.capsem.core.internal.workspace.GuestConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves each architecture's base image to a digest before any Dockerfile is rendered, so that a
 * build names exactly one image (a moved tag cannot change what it installs on), the digest goes
 * into the step inputs (a new digest rebuilds), the build record and the report. A locked build
 * takes the lock's digest instead, and refuses an engine whose image is not that one.
 */
final class BaseImagePins {

  private final BaseImageDigests digests;

  BaseImagePins(BaseImageDigests digests) {
    this.digests = digests;
  }

  /**
   * Pins every architecture of {@code run} (a foreign target: the per-architecture image its rootfs
   * starts from, E520 when the engine lacks it); stops with E559 (or, when the engine itself is the
   * cause, the runtime's own finding) when one cannot be resolved.
   */
  void pin(BuildRun run, ContainerChores chores) {
    Map<String, BaseImageDigests.Resolution> byReference = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (String arch : run.plan.arches()) {
      PinnedImage locked = LockedBuild.lockedRegistryImage(run.lock, arch);
      if (locked != null) {
        run.baseImages.put(arch, locked); // pulled by digest, whatever the tag says today
        continue;
      }
      GuestConfig.ArchConfig declared = run.declared(arch);
      boolean foreign = run.engine.foreign(declared);
      if (foreign && !run.settings.template().buildsRootfs()) {
        continue; // a foreign kernel or initrd runs from the engine's own image (StepCache)
      }
      String reference = run.engine.baseImage("rootfs", declared);
      BaseImageDigests.Resolution resolved =
          byReference.computeIfAbsent(reference, digests::resolve);
      if (!resolved.ok()) {
        List<Diagnostic> found =
            foreign && !reference.equals(declared.baseImage())
                ? List.of(run.engine.missingBaseImage(arch, declared))
                : resolved.diagnostics();
        if (!problems.containsAll(found)) {
          problems.addAll(found);
        }
        continue;
      }
      Diagnostic refused = LockedBuild.baseImageProblem(run.lock, arch, resolved.image());
      if (refused != null) {
        problems.add(refused);
        continue;
      }
      run.baseImages.put(arch, resolved.image());
    }
    if (problems.isEmpty()) {
      return;
    }
    // An engine that is missing or silent is the cause to report, with its own fix.
    InputChecks.probe(run, chores);
    throw new BuildStop(problems);
  }
}
