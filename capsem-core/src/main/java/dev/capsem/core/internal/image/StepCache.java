package dev.capsem.core.internal.image;

import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incremental builds: each step's inputs, and the build record of the last build into the same
 * output folder ({@link BuildRecord}). A step is kept when its inputs are unchanged and its files
 * still have the recorded bytes; what ran is recorded for the next build.
 */
final class StepCache {

  private final BuildRun run;
  private final ContainerChores chores;
  private final Map<String, BuildRecord> records = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> inputs = new LinkedHashMap<>();
  private final Set<String> reused = new HashSet<>();
  private final Map<String, String> baseImageIds = new LinkedHashMap<>();

  StepCache(BuildRun run, ContainerChores chores) {
    this.run = run;
    this.chores = chores;
  }

  /**
   * Computes every step's inputs and decides which steps can keep their files; returns whether any
   * step must run in containers.
   */
  boolean decide(List<BuildStep> steps) throws IOException {
    if (run.settings.noCache()) {
      run.progress.note("noCache: every step is rebuilt, without the engine's layer cache");
    }
    boolean containerWork = false;
    for (String arch : run.plan.arches()) {
      BuildRecord record = BuildRecord.read(run.archPath(arch), arch);
      records.put(arch, record);
      for (BuildStep step : steps) {
        Map<String, String> now = inputs(arch, step);
        inputs.put(arch + "/" + step.name(), now);
        BuildRecord.StepRecord previous = record.steps().get(step.name());
        String why = run.settings.noCache() ? "" : problem(arch, step, previous, now);
        if (why == null) {
          reused.add(arch + "/" + step.name());
        } else {
          containerWork = true;
          if (!why.isEmpty()) {
            run.progress.note(arch + " " + step.name() + ": " + why + "; rebuilding");
          }
        }
      }
    }
    return containerWork;
  }

  /** The id of a base image on the engine (asked once per build), or null when it lacks it. */
  String baseImageId(String image) {
    if (!baseImageIds.containsKey(image)) {
      baseImageIds.put(image, chores.imageId(image)); // null is an answer too
    }
    return baseImageIds.get(image);
  }

  boolean reused(String arch, BuildStep step) {
    return reused.contains(arch + "/" + step.name());
  }

  /**
   * Why the previous files of a step cannot stand: empty when there is no previous build, a reason
   * when its inputs or files changed, null when they can be kept.
   */
  private String problem(
      String arch, BuildStep step, BuildRecord.StepRecord previous, Map<String, String> now)
      throws IOException {
    if (previous == null) {
      return "";
    }
    if (now == null) {
      return "the base image "
          + run.engine.baseImage(step.name(), run.arch(arch))
          + " is not on the engine, so its id is unknown";
    }
    List<String> changed = previous.changedInputs(now);
    if (!changed.isEmpty()) {
      return "inputs changed (" + String.join(", ", changed) + ")";
    }
    for (Map.Entry<String, BuildRecord.Output> output : previous.outputs().entrySet()) {
      Path file = run.archPath(arch).resolve(output.getKey());
      if (!Files.isRegularFile(file)) {
        return output.getKey() + " is missing";
      }
      if (Files.size(file) != output.getValue().size()
          || !run.hasher.hexOfFile(file).equals(output.getValue().hash())) {
        return output.getKey() + " does not have the bytes the last build placed";
      }
    }
    return null;
  }

  /** Keeps a step's files, after {@link #decide} checked their hashes. */
  void keep(String arch, BuildStep step) {
    BuildRecord.StepRecord previous = records.get(arch).steps().get(step.name());
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, BuildRecord.Output> output : previous.outputs().entrySet()) {
      String name = output.getKey();
      if (ChecksumsAndManifest.ASSET_NAMES.contains(name)) {
        names.add(name);
        run.assets.add(
            new BuildOutcome.BuiltAsset(
                arch,
                name,
                run.settings.outDir().resolve(arch + "/" + name).shown(),
                output.getValue().size(),
                output.getValue().hash()));
      }
    }
    if (previous.kernel() != null) {
      run.kernelUsed = previous.kernel();
    }
    String inputsHash = inputsHash(inputs.get(arch + "/" + step.name()));
    run.progress.note(
        arch
            + " "
            + step.name()
            + " unchanged (inputs "
            + inputsHash.substring(0, 16)
            + "): kept "
            + String.join(", ", names)
            + " after checking "
            + (names.size() == 1 ? "its hash" : "their hashes"));
    run.steps.add(new BuildOutcome.StepDone(arch, step.name(), true, inputsHash));
  }

  /** Records what a step that just ran used and placed. */
  void record(String arch, BuildStep step) throws IOException {
    Map<String, String> used = inputs.get(arch + "/" + step.name());
    String inputsHash = used == null ? null : inputsHash(used);
    run.steps.add(new BuildOutcome.StepDone(arch, step.name(), false, inputsHash));
    if (used == null) {
      return; // the base image id was unknown: nothing this build could be reused for
    }
    Map<String, BuildRecord.Output> outputs = new LinkedHashMap<>();
    for (String name : step.outputs()) {
      Path file = run.archPath(arch).resolve(name);
      if (Files.isRegularFile(file)) {
        outputs.put(name, new BuildRecord.Output(Files.size(file), run.hasher.hexOfFile(file)));
      }
    }
    BuildRecord record =
        records
            .getOrDefault(arch, BuildRecord.empty(arch))
            .with(
                step.name(),
                new BuildRecord.StepRecord(
                    used, outputs, step.name().equals("kernel") ? run.kernelUsed : null));
    records.put(arch, record);
    record.write(run.archPath(arch));
  }

  /**
   * Removes what this build replaces, so that a failure cannot leave an old asset next to new ones
   * under a stale manifest; returns the old manifest, which only numbers the next release.
   */
  String clearReplaced(List<BuildStep> steps, boolean containerWork) throws IOException {
    Path out = run.out();
    Files.createDirectories(out);
    String previous = null;
    Path manifest = out.resolve("manifest.json");
    if (Files.isRegularFile(manifest)) {
      previous = Files.readString(manifest, StandardCharsets.UTF_8);
    }
    if (!containerWork) {
      return previous; // nothing is replaced; the epilogue checks the checksums and manifest
    }
    Files.deleteIfExists(manifest);
    Files.deleteIfExists(out.resolve("B3SUMS"));
    for (String arch : run.plan.arches()) {
      Path dir = out.resolve(arch);
      BuildRecord record = records.getOrDefault(arch, BuildRecord.read(dir, arch));
      for (BuildStep step : steps) {
        if (reused(arch, step)) {
          continue;
        }
        record = record.without(step.name());
        for (String name : step.outputs()) {
          Files.deleteIfExists(dir.resolve(name));
        }
      }
      records.put(arch, record);
      if (Files.isDirectory(dir)) {
        record.write(dir);
      }
    }
    BuildFiles.deleteTree(out.resolve(BuildRun.WORK_DIR));
    return previous;
  }

  private String inputsHash(Map<String, String> used) {
    StringBuilder text = new StringBuilder();
    used.forEach((key, value) -> text.append(key).append('\0').append(value).append('\n'));
    return run.hasher.hex(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Everything a step's result depends on: the builder, the time source, the platform and base
   * image id, then the step's own inputs; null when the base image id cannot be read (the engine
   * does not have it, or does not answer).
   */
  private Map<String, String> inputs(String arch, BuildStep step) throws IOException {
    ArchConfig config = run.arch(arch);
    String baseImage = run.engine.baseImage(step.name(), config);
    String baseId = baseImageId(baseImage);
    if (baseId == null) {
      return null;
    }
    Map<String, String> used = new LinkedHashMap<>();
    used.put("builder", BuilderVersion.VALUE);
    used.put("epoch", Long.toString(run.epoch));
    used.put("platform", config.dockerPlatform());
    used.put("base_image", baseImage + "@" + baseId);
    step.addInputs(run, arch, config, used);
    return used;
  }
}
