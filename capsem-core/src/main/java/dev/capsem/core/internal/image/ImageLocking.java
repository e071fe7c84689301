package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.image.lock.ArchLock;
import dev.capsem.core.internal.image.lock.LockValues;
import dev.capsem.core.internal.image.lock.Locked;
import dev.capsem.core.internal.image.lock.LockedKernel;
import dev.capsem.core.internal.image.lock.PackageLock;
import dev.capsem.core.internal.image.verify.ImageInventory;
import dev.capsem.core.internal.image.verify.InventoryLocator;
import dev.capsem.core.internal.image.verify.InventoryReader;
import dev.capsem.core.internal.io.Sha256;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.ports.AtomicFiles;
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
 * {@code image lock}: the resolution of the last build of a profile written as its lock file. Each
 * architecture's base image digest and kernel source come from the build record, every installed
 * package's exact version from the image inventory, and the {@code .deb} SHA256s and npm
 * integrities from the build's package hashes. The build must be this profile's (its package
 * contract), else the lock would pin another image's packages.
 */
public final class ImageLocking {

  /** The report's schema. */
  public static final String SCHEMA = "capsem.image-lock-result.v1";

  private final Hasher hasher;

  public ImageLocking(Hasher hasher) {
    this.hasher = hasher;
  }

  /** {@code <folder>/<profile file name without .toml or .json>.lock.json}. */
  public static GivenPath defaultLockFile(GivenPath profile) {
    String name = profile.path().getFileName().toString();
    String stem = name.replaceFirst("\\.(toml|json)$", "");
    Path file = profile.path().resolveSibling(stem + ".lock.json");
    String shown = profile.shown();
    int slash = shown.lastIndexOf('/');
    return new GivenPath(
        file, (slash < 0 ? "" : shown.substring(0, slash + 1)) + stem + ".lock.json");
  }

  /**
   * Locks the last build in {@code assets} of the profile {@code check} read from {@code profile}.
   *
   * @param out the lock file to write (atomically)
   */
  public Outcome<TextReport> lock(
      ProfileCheck check, GivenPath profile, String arch, GivenPath assets, GivenPath out) {
    if (check.profile() == null) {
      return Outcome.failed(
          "invalid profile " + PythonPath.normalize(profile.shown()), check.diagnostics());
    }
    Diagnostic noAssets = ArchSelection.missingAssets(check.profile(), arch, profile.shown());
    if (noAssets != null) {
      return Outcome.failed(noAssets.message(), List.of(noAssets));
    }
    ImagePlan plan = ImagePlan.of(check.profile(), ArchSelection.of(arch), hasher);
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, ArchLock> arches = new LinkedHashMap<>();
    for (String each : plan.arches()) {
      ArchLock locked = arch(plan, each, assets.resolve(each), problems);
      if (locked != null) {
        arches.put(each, locked);
      }
    }
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      return Outcome.failed(
          "cannot lock the last build of " + plan.profile().reference(), problems);
    }
    PackageLock lock =
        new PackageLock(
            plan.profile().id(), plan.profile().revision(), plan.packageContractHash(), arches);
    String text = lock.json();
    try {
      AtomicFiles.writeString(out.path(), text);
    } catch (IOException e) {
      return Outcome.failed(
          "cannot write " + PythonPath.normalize(out.shown()) + ": " + e.getMessage(), problems);
    }
    return Outcome.of(
        report(lock, out, Sha256.hex(text.getBytes(StandardCharsets.UTF_8))), problems);
  }

  private ArchLock arch(ImagePlan plan, String arch, GivenPath dir, List<Diagnostic> problems) {
    GivenPath inventoryFile = dir.resolve(InventoryLocator.FILE_NAME);
    GivenPath recordFile = dir.resolve(BuildRecord.FILE);
    if (!Files.isRegularFile(inventoryFile.path()) || !Files.isRegularFile(recordFile.path())) {
      GivenPath missing = Files.isRegularFile(inventoryFile.path()) ? recordFile : inventoryFile;
      problems.add(
          problem(
              Code.E605,
              missing,
              "Missing required file: build the image (image build --template rootfs) first"));
      return null;
    }
    BuildRecord record = BuildRecord.read(dir.path(), arch);
    BuildRecord.StepRecord rootfs = record.steps().get("rootfs");
    if (rootfs == null || rootfs.baseImage() == null) {
      problems.add(
          problem(
              Code.E605,
              recordFile,
              "the build record has no rootfs step with its base image digest: build again with"
                  + " this version"));
      return null;
    }
    String contract = rootfs.inputs().get("package_contract");
    if (!plan.packageContractHash().equals(contract)) {
      problems.add(
          problem(
              Code.E602,
              recordFile,
              "the last build installed package contract "
                  + contract
                  + " but the profile's is "
                  + plan.packageContractHash()
                  + ": build this profile first"));
      return null;
    }
    InventoryReader.Read read = InventoryReader.read(inventoryFile.path(), inventoryFile.shown());
    if (read.inventory() == null) {
      problems.addAll(read.diagnostics());
      return null;
    }
    ImageInventory inventory = read.inventory();
    Hashes hashes = hashes(dir.resolve(RootfsStep.PACKAGE_HASHES), problems);
    LockedKernel kernel = null;
    BuildRecord.StepRecord kernelStep = record.steps().get("kernel");
    if (kernelStep != null && kernelStep.kernel() != null && kernelStep.kernel().sha256() != null) {
      BuildOutcome.KernelUsed used = kernelStep.kernel();
      kernel = new LockedKernel(used.version(), used.source(), used.sha256());
    }
    int before = problems.size();
    Map<String, Locked> apt =
        packages("apt", inventory.apt(), hashes.apt(), inventoryFile, problems);
    Map<String, Locked> python =
        packages("python", inventory.pythonModules(), Map.of(), inventoryFile, problems);
    Map<String, Locked> npm =
        packages("npm", inventory.nodePackages(), hashes.npm(), inventoryFile, problems);
    if (problems.size() > before) {
      return null;
    }
    return new ArchLock(rootfs.baseImage(), kernel, apt, python, npm);
  }

  /**
   * The installed versions, each with its hash when the hashes name that very version; a name or
   * version the lock could not hold (one a locked build could not render safely) is E601.
   */
  private static Map<String, Locked> packages(
      String ecosystem,
      Map<String, String> installed,
      Map<String, Locked> hashes,
      GivenPath inventory,
      List<Diagnostic> problems) {
    Map<String, Locked> out = new LinkedHashMap<>();
    installed.forEach(
        (name, version) -> {
          String problem = LockValues.nameProblem(ecosystem, name);
          if (problem == null) {
            problem = LockValues.versionProblem(ecosystem, version);
          }
          if (problem != null) {
            problems.add(
                problem(
                    Code.E601,
                    inventory,
                    ecosystem
                        + " "
                        + name
                        + " "
                        + version
                        + ": a lock cannot hold it: "
                        + problem));
            return;
          }
          Locked hashed = hashes.get(name);
          String hash = hashed != null && hashed.version().equals(version) ? hashed.hash() : null;
          out.put(name, new Locked(version, hash));
        });
    return out;
  }

  /** The apt and npm hashes of a build, empty when it recorded none (an older build: W600). */
  private record Hashes(Map<String, Locked> apt, Map<String, Locked> npm) {}

  private static Hashes hashes(GivenPath file, List<Diagnostic> problems) {
    if (!Files.isRegularFile(file.path())) {
      problems.add(
          problem(
              Code.W600,
              file,
              "no package hashes from the build: the lock pins versions only (build again with"
                  + " this version to record them)"));
      return new Hashes(Map.of(), Map.of());
    }
    try {
      if (JsonReader.read(Files.readString(file.path()), JsonDialect.PYTHON)
          instanceof ObjectNode root) {
        return new Hashes(
            entries(root.object("apt"), "sha256", "apt"),
            entries(root.object("npm"), "integrity", "npm"));
      }
    } catch (IOException | JsonSyntaxException e) {
      // said below
    }
    problems.add(
        problem(Code.W600, file, "unreadable package hashes: the lock pins versions only"));
    return new Hashes(Map.of(), Map.of());
  }

  private static Map<String, Locked> entries(ObjectNode section, String key, String ecosystem) {
    Map<String, Locked> out = new LinkedHashMap<>();
    for (ObjectNode.Member member : section.entries()) {
      if (member.value() instanceof ObjectNode entry) {
        String version = entry.string("version");
        String hash = entry.string(key);
        if (version != null && hash != null && LockValues.hashProblem(ecosystem, hash) == null) {
          out.put(member.key(), new Locked(version, hash));
        }
      }
    }
    return out;
  }

  private static TextReport report(PackageLock lock, GivenPath out, String sha256) {
    String shown = PythonPath.normalize(out.shown());
    ObjectNode.Builder arches = ObjectNode.builder();
    List<String> lines = new ArrayList<>();
    lines.add("lock: " + shown + " (sha256 " + sha256 + ")");
    lock.arches()
        .forEach(
            (arch, locked) -> {
              long aptHashed = locked.apt().values().stream().filter(p -> p.hash() != null).count();
              long npmHashed = locked.npm().values().stream().filter(p -> p.hash() != null).count();
              ObjectNode.Builder node =
                  ObjectNode.builder()
                      .put("base_image", locked.baseImage().reference())
                      .put("base_image_digest", locked.baseImage().digest())
                      .put("apt", locked.apt().size())
                      .put("apt_with_sha256", aptHashed)
                      .put("python", locked.python().size())
                      .put("npm", locked.npm().size())
                      .put("npm_with_integrity", npmHashed);
              if (locked.kernel() != null) {
                node.put("kernel_source_sha256", locked.kernel().sha256());
              }
              arches.put(arch, node.build());
              lines.add(
                  arch
                      + ": base image "
                      + locked.baseImage().reference()
                      + "@"
                      + locked.baseImage().digest()
                      + (locked.kernel() == null
                          ? ""
                          : "; kernel source " + locked.kernel().sha256())
                      + "; "
                      + locked.apt().size()
                      + " apt ("
                      + aptHashed
                      + " with sha256), "
                      + locked.python().size()
                      + " Python, "
                      + locked.npm().size()
                      + " npm ("
                      + npmHashed
                      + " with integrity)");
            });
    String json =
        JsonPrinter.pretty()
            .printLine(
                ObjectNode.builder()
                    .put("schema", SCHEMA)
                    .put("ok", true)
                    .put("profile_id", lock.profileId())
                    .put("profile_revision", lock.revision())
                    .put("package_contract", lock.packageContract())
                    .put("lock", shown)
                    .put("sha256", sha256)
                    .put("arches", arches.build())
                    .build());
    return new TextReport(json, TextReport.lines(lines), lines);
  }

  private static Diagnostic problem(Code code, GivenPath file, String message) {
    return Diagnostic.of(code, PythonPath.normalize(file.shown()), "", null, message);
  }
}
