package dev.capsem.core.internal.image;

import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One step of an architecture's build (kernel, initrd, rootfs): what it places in the architecture
 * folder, what its result depends on, and how it runs. The builder runs the steps a template asks
 * for in order, and keeps a step's files instead when its inputs are those of the last build.
 */
interface BuildStep {

  /** {@code kernel}, {@code initrd} or {@code rootfs}: its name in progress, records, reports. */
  String name();

  /** The files the step places in {@code <out>/<arch>/}. */
  List<String> outputs();

  /**
   * Adds what the step's result depends on beyond the builder, time source, platform and base
   * image: the rendered Dockerfile and every file of its build context, by name.
   */
  void addInputs(BuildRun run, String arch, ArchConfig config, Map<String, String> inputs)
      throws IOException;

  /** Builds and places the step's files (or, in a dry run, records its commands). */
  void run(BuildRun run, String arch, ArchConfig config) throws IOException;

  /** The same step running its container commands through {@code chores}. */
  BuildStep through(ContainerChores chores);
}
