package dev.capsem.core.internal.image;

import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.Nodes;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.oci.PinnedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the last build of one architecture used and produced, step by step ({@code
 * <out>/<arch>/build-record.json}): each step's inputs (the rendered Dockerfile, every file of its
 * build context, the base image id, the kernel source, the builder's version, the time source) and
 * the size and hash of each file it placed. A later build reuses a step's files only when its
 * inputs are the same and the files still have the recorded bytes.
 *
 * @param steps by step name ({@code kernel}, {@code initrd}, {@code rootfs}), in build order
 */
record BuildRecord(String arch, Map<String, StepRecord> steps) {

  static final String FILE = "build-record.json";
  static final String SCHEMA = "capsem.build-record.v1";

  BuildRecord {
    steps = ordered(steps);
  }

  private static Map<String, StepRecord> ordered(Map<String, StepRecord> steps) {
    Map<String, StepRecord> copy = new LinkedHashMap<>();
    for (String name : List.of("kernel", "initrd", "rootfs")) {
      if (steps.containsKey(name)) {
        copy.put(name, steps.get(name));
      }
    }
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** One output file: its size and bare hash. */
  record Output(long size, String hash) {}

  /**
   * One step.
   *
   * @param inputs input name to its value or hash, in a stable order
   * @param outputs file name (in the arch folder) to what was placed
   * @param kernel the kernel source used (kernel step only), or null
   * @param baseImage the base image the step was built on, by digest, or null in older records
   */
  record StepRecord(
      Map<String, String> inputs,
      Map<String, Output> outputs,
      BuildOutcome.KernelUsed kernel,
      PinnedImage baseImage) {

    StepRecord {
      inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
      outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** The names of the inputs that differ from {@code now} (added and removed ones too). */
    List<String> changedInputs(Map<String, String> now) {
      TreeSet<String> names = new TreeSet<>(inputs.keySet());
      names.addAll(now.keySet());
      List<String> changed = new ArrayList<>();
      for (String name : names) {
        if (!java.util.Objects.equals(inputs.get(name), now.get(name))) {
          changed.add(name);
        }
      }
      return changed;
    }
  }

  static BuildRecord empty(String arch) {
    return new BuildRecord(arch, Map.of());
  }

  BuildRecord with(String step, StepRecord record) {
    Map<String, StepRecord> copy = new LinkedHashMap<>(steps);
    copy.put(step, record);
    return new BuildRecord(arch, copy);
  }

  BuildRecord without(String step) {
    Map<String, StepRecord> copy = new LinkedHashMap<>(steps);
    copy.remove(step);
    return new BuildRecord(arch, copy);
  }

  /** The record in {@code archDir}, or an empty one when there is none or it cannot be read. */
  static BuildRecord read(Path archDir, String arch) {
    Path file = archDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return empty(arch);
    }
    try {
      Node parsed =
          JsonReader.read(Files.readString(file, StandardCharsets.UTF_8), JsonDialect.PYTHON);
      if (!(parsed instanceof ObjectNode root)
          || !SCHEMA.equals(root.string("schema"))
          || !arch.equals(root.string("arch"))
          || !(root.get("steps") instanceof ObjectNode steps)) {
        return empty(arch);
      }
      Map<String, StepRecord> read = new LinkedHashMap<>();
      for (String name : steps.keys()) {
        ObjectNode step = steps.object(name);
        Map<String, Output> outputs = new LinkedHashMap<>();
        ObjectNode files = step.object("outputs");
        for (String output : files.keys()) {
          ObjectNode entry = files.object(output);
          outputs.put(output, new Output(Nodes.integer(entry, "size"), entry.string("hash")));
        }
        BuildOutcome.KernelUsed kernel = null;
        if (step.get("kernel") instanceof ObjectNode used) {
          kernel =
              new BuildOutcome.KernelUsed(
                  used.string("version"), used.string("source"), used.string("sha256"));
        }
        PinnedImage base = null;
        if (step.get("base_image") instanceof ObjectNode image) {
          base =
              new PinnedImage(
                  image.string("reference"),
                  image.string("digest"),
                  image.string("source"),
                  image.string("pinned"));
        }
        read.put(name, new StepRecord(Nodes.stringMap(step, "inputs"), outputs, kernel, base));
      }
      return new BuildRecord(arch, read);
    } catch (IOException | JsonSyntaxException | RuntimeException e) {
      return empty(arch); // an unreadable record only means nothing can be reused
    }
  }

  /** Writes the record atomically into {@code archDir}, or removes it when it has no step. */
  void write(Path archDir) throws IOException {
    Path file = archDir.resolve(FILE);
    if (steps.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    ObjectNode.Builder stepNodes = ObjectNode.builder();
    steps.forEach(
        (name, step) -> {
          ObjectNode.Builder inputs = ObjectNode.builder();
          step.inputs().forEach(inputs::put);
          ObjectNode.Builder outputs = ObjectNode.builder();
          step.outputs()
              .forEach(
                  (output, value) ->
                      outputs.put(
                          output,
                          ObjectNode.builder()
                              .put("size", value.size())
                              .put("hash", value.hash())
                              .build()));
          ObjectNode.Builder node =
              ObjectNode.builder().put("inputs", inputs.build()).put("outputs", outputs.build());
          if (step.baseImage() != null) {
            node.put(
                "base_image",
                ObjectNode.builder()
                    .put("reference", step.baseImage().reference())
                    .put("digest", step.baseImage().digest())
                    .put("source", step.baseImage().source())
                    .put("pinned", step.baseImage().pinned())
                    .build());
          }
          if (step.kernel() != null) {
            node.put(
                "kernel",
                ObjectNode.builder()
                    .put("version", step.kernel().version())
                    .put("source", step.kernel().source())
                    .put("sha256", String.valueOf(step.kernel().sha256()))
                    .build());
          }
          stepNodes.put(name, node.build());
        });
    ObjectNode root =
        ObjectNode.builder()
            .put("schema", SCHEMA)
            .put("arch", arch)
            .put("steps", stepNodes.build())
            .build();
    Files.createDirectories(archDir);
    dev.capsem.core.ports.AtomicFiles.writeString(file, JsonPrinter.pretty().printLine(root));
  }
}
