package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.manifest.AssetNames;
import dev.capsem.core.internal.manifest.B3Sums;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.ports.ContainerRuntimeException;
import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code verify-reproducible}: rebuilds an image in a clean folder without any cache and compares
 * each asset's BLAKE3 with the previous build's {@code B3SUMS}; when they differ, lists every
 * differing file inside the rootfs and the initrd ({@code capsem.reproducibility.v1}).
 */
public final class ReproducibilityFlow {

  private final ImageFlow images;
  private final ContainerRuntime runtime;
  private final Hasher hasher;

  public ReproducibilityFlow(ImageFlow images, ContainerRuntime runtime, Hasher hasher) {
    this.images = images;
    this.runtime = runtime;
    this.hasher = hasher;
  }

  /**
   * @param previous the settings of the previous build: its output folder holds what to compare
   * @param rebuildDir an empty folder for the rebuild (emptied first): its {@code workspace} and
   *     {@code assets}
   */
  public Outcome<TextReport> verify(
      ProfileCheck check,
      GivenPath profile,
      String arch,
      WorkspaceSources sources,
      BuildSettings previous,
      GivenPath rebuildDir,
      BuildProgress progress) {
    GivenPath previousOut = previous.outDir();
    Map<String, String> before = b3sums(previousOut.path().resolve(B3Sums.FILE_NAME));
    String b3Shown = PythonPath.normalize(previousOut.shown() + "/" + B3Sums.FILE_NAME);
    if (before == null) {
      return Outcome.failed(
          "no previous build to compare with: " + b3Shown + " is missing; build the image first",
          List.of(
              new Diagnostic(
                  Code.E016,
                  b3Shown,
                  "",
                  null,
                  "Missing required file: B3SUMS of the last build")));
    }
    GivenPath assetsDir = rebuildDir.resolve("assets");
    BuildFiles.deleteTree(rebuildDir.path());
    BuildSettings clean =
        new BuildSettings(
            previous.template(),
            assetsDir,
            previous.guestBinaries(),
            previous.kernelSource(),
            previous.sources(),
            previous.binaryVersion(),
            true,
            false,
            previous.squashfsWriter());
    Outcome<BuiltImage> rebuilt =
        images.build(
            check, profile, arch, sources, rebuildDir.resolve("workspace"), true, clean, progress);
    if (rebuilt.value() == null) {
      return Outcome.failed("the clean rebuild failed: " + rebuilt.error(), rebuilt.diagnostics());
    }
    Map<String, String> after = b3sums(assetsDir.path().resolve(B3Sums.FILE_NAME));
    List<Node> rows = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    boolean same = true;
    try {
      for (String each : ArchSelection.of(arch)) {
        for (String name : AssetNames.BOOT_FILES) {
          String key = each + "/" + name;
          if (!after.containsKey(key)) {
            continue; // not built by this template
          }
          String old = before.get(key);
          String now = after.get(key);
          boolean equal = now.equals(old);
          same &= equal;
          ObjectNode.Builder row =
              ObjectNode.builder()
                  .put("arch", each)
                  .put("asset", name)
                  .put("previous_hash", old == null ? "missing" : "blake3:" + old)
                  .put("rebuilt_hash", "blake3:" + now)
                  .put("identical", BooleanNode.of(equal));
          if (equal) {
            lines.add(key + ": identical (blake3:" + now + ")");
          } else if (old == null) {
            lines.add(key + ": not in the previous build");
          } else {
            List<String> files =
                differences(
                    rebuildDir,
                    name,
                    previousOut.path().resolve(key),
                    assetsDir.path().resolve(key),
                    progress);
            row.put("differing_files", ArrayNode.ofStrings(files));
            lines.add(
                key
                    + ": differs (blake3:"
                    + old
                    + " before, blake3:"
                    + now
                    + " now)"
                    + (files.isEmpty() ? "" : "; " + files.size() + " differing file(s):"));
            files.forEach(file -> lines.add("  " + file));
          }
          rows.add(row.build());
        }
      }
    } catch (IOException | ContainerRuntimeException e) {
      return Outcome.failed(
          "cannot compare the two builds: " + e.getMessage(), rebuilt.diagnostics());
    }
    String report =
        JsonPrinter.pretty()
            .printLine(
                ObjectNode.builder()
                    .put("schema", "capsem.reproducibility.v1")
                    .put("ok", BooleanNode.of(same))
                    .put("previous", PythonPath.normalize(previousOut.shown()))
                    .put("rebuilt", PythonPath.normalize(assetsDir.shown()))
                    .put("assets", ArrayNode.of(rows))
                    .build());
    String verdict =
        same
            ? "reproducible: the clean rebuild is bit-identical to " + previousOut.shown()
            : "not reproducible: the clean rebuild differs from " + previousOut.shown();
    List<String> text = new ArrayList<>(lines);
    text.add(0, verdict);
    return Outcome.checked(
        new TextReport(
            report,
            TextReport.lines(text),
            same ? List.of() : lines,
            same ? withDetail(verdict, lines) : List.of(verdict),
            false),
        same,
        rebuilt.diagnostics(),
        "the clean rebuild differs from the previous build");
  }

  private static List<String> withDetail(String verdict, List<String> lines) {
    List<String> out = new ArrayList<>();
    lines.forEach(line -> out.add("  " + line));
    out.add(verdict);
    return out;
  }

  private List<String> differences(
      GivenPath root, String name, Path before, Path after, BuildProgress progress)
      throws IOException, ContainerRuntimeException {
    if (name.equals(AssetNames.INITRD)) {
      return Reproducibility.initrdDifferences(before, after);
    }
    if (!name.equals(AssetNames.ROOTFS)) {
      return List.of(); // a kernel image is one file
    }
    String baseImage = baseImage(root.path().resolve("workspace/config/build.toml"));
    try (BuildProgress.Step step = progress.begin("compare the two rootfs images")) {
      List<String> files =
          Reproducibility.rootfsDifferences(runtime, hasher, baseImage, before, after);
      step.succeeded();
      return files;
    }
  }

  /** The first architecture's base image in the rebuild's {@code build.toml}. */
  private static String baseImage(Path buildToml) throws IOException {
    Path workspace = buildToml.getParent().getParent();
    dev.capsem.core.internal.workspace.GuestConfigs.Loaded loaded =
        dev.capsem.core.internal.workspace.GuestConfigs.load(workspace, workspace.toString());
    return loaded.config().build().architectures().values().iterator().next().baseImage();
  }

  /**
   * {@code <arch>/<name>} to its bare hash, from a {@code B3SUMS} file; null when there is none.
   */
  private static Map<String, String> b3sums(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    try {
      for (B3Sums.Line line : B3Sums.parse(Files.readString(file, StandardCharsets.UTF_8))) {
        out.put(line.path(), line.hash());
      }
    } catch (IOException e) {
      return null;
    }
    return out;
  }
}
