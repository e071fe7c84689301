package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.image.lock.ArchLock;
import dev.capsem.core.internal.image.lock.Locked;
import dev.capsem.core.internal.image.lock.PackageLock;
import dev.capsem.core.internal.oci.PinnedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code image build --locked} changes: the lock must be the profile's (E602), its base images
 * and kernel source are the ones used (E603, E604), and a package version the archive no longer has
 * fails the build naming the package (E600). Sources a lock cannot pin are said (W601).
 */
final class LockedBuild {

  /** What the rootfs Dockerfile prints, on one line, when locked apt versions are missing. */
  static final String APT_MARKER = "capsem-lock: not in the archive:";

  private static final Pattern APT_MISSING =
      Pattern.compile(Pattern.quote(APT_MARKER) + "((?: [^ \\n]+=[^ \\n]+)+)");
  private static final Pattern PIP_MISSING =
      Pattern.compile(
          "(?:No matching distribution found for|Could not find a version that satisfies the"
              + " requirement) ([A-Za-z0-9._-]+)==([A-Za-z0-9.+!_-]+)");
  private static final Pattern NPM_MISSING =
      Pattern.compile(
          "No matching version found for ((?:@[^/\\s]+/)?[^@\\s]+)@([0-9][^\\s]*?)\\.?(?:\\s|$)");

  private LockedBuild() {}

  /**
   * E602 when the lock was made for other packages or lacks an architecture or base image the build
   * needs; empty when it fits.
   */
  static List<Diagnostic> problems(
      PackageLock lock, String lockShown, ImagePlan plan, Map<String, String> baseImages) {
    List<Diagnostic> problems = new ArrayList<>();
    if (!lock.packageContract().equals(plan.packageContractHash())) {
      problems.add(
          problem(
              Code.E602,
              lockShown,
              "the lock was made for package contract "
                  + lock.packageContract()
                  + " but the profile's is "
                  + plan.packageContractHash()
                  + ": run image lock again after an unlocked build"));
    }
    for (String arch : plan.arches()) {
      ArchLock locked = lock.arches().get(arch);
      if (locked == null) {
        problems.add(
            problem(Code.E602, lockShown, "the lock has no " + arch + ": lock a build of " + arch));
      } else if (!locked.baseImage().reference().equals(baseImages.get(arch))) {
        problems.add(
            problem(
                Code.E602,
                lockShown,
                arch
                    + ": the lock was made from base image "
                    + locked.baseImage().reference()
                    + " but the build uses "
                    + baseImages.get(arch)));
      }
    }
    return problems;
  }

  /** The locked base image of a registry, which a build takes without asking the tag again. */
  static PinnedImage lockedRegistryImage(PackageLock lock, String arch) {
    if (lock == null || !lock.arches().containsKey(arch)) {
      return null;
    }
    PinnedImage image = lock.arches().get(arch).baseImage();
    return image.source().equals(PinnedImage.REGISTRY) ? image : null;
  }

  /** E603 when the engine's image is not the one the lock pins; null when it is (or no lock). */
  static Diagnostic baseImageProblem(PackageLock lock, String arch, PinnedImage resolved) {
    if (lock == null || !lock.arches().containsKey(arch)) {
      return null;
    }
    PinnedImage locked = lock.arches().get(arch).baseImage();
    if (locked.digest().equals(resolved.digest())) {
      return null;
    }
    return BuildStop.error(
        Code.E603,
        resolved.reference()
            + " is "
            + resolved.digest()
            + " on this "
            + resolved.source()
            + " but the lock pins "
            + locked.digest()
            + ": make that image again, or lock a build of this one");
  }

  /** E604 when the kernel source compiled is not the one the lock names. */
  static Diagnostic kernelProblem(PackageLock lock, String arch, String sha256) {
    if (lock == null || !lock.arches().containsKey(arch)) {
      return null;
    }
    var kernel = lock.arches().get(arch).kernel();
    if (kernel == null || kernel.sha256().equals(sha256)) {
      return null;
    }
    return BuildStop.error(
        Code.E604,
        "kernel source sha256 "
            + sha256
            + " but the lock pins "
            + kernel.sha256()
            + " for "
            + arch);
  }

  /** E600 for each locked package a failed build's output says the archive does not have. */
  static List<Diagnostic> missingPackages(String output, String lockShown) {
    List<Diagnostic> missing = new ArrayList<>();
    Matcher apt = APT_MISSING.matcher(output);
    while (apt.find()) {
      for (String spec : apt.group(1).strip().split(" ")) {
        int eq = spec.indexOf('=');
        missing.add(missing("apt", spec.substring(0, eq), spec.substring(eq + 1), lockShown));
      }
    }
    Matcher pip = PIP_MISSING.matcher(output);
    while (pip.find()) {
      Diagnostic found = missing("python", pip.group(1), pip.group(2), lockShown);
      if (!missing.contains(found)) {
        missing.add(found);
      }
    }
    Matcher npm = NPM_MISSING.matcher(output);
    while (npm.find()) {
      Diagnostic found = missing("npm", npm.group(1), npm.group(2), lockShown);
      if (!missing.contains(found)) {
        missing.add(found);
      }
    }
    return missing;
  }

  private static Diagnostic missing(
      String ecosystem, String name, String version, String lockShown) {
    String where = ecosystem.equals("apt") ? "the archive" : "the " + ecosystem + " index";
    return Diagnostic.of(
        Code.E600,
        lockShown,
        ecosystem + "." + name,
        null,
        ecosystem
            + " package "
            + name
            + " "
            + version
            + " (locked by "
            + lockShown
            + ") is no longer in "
            + where
            + ": run an unlocked build and image lock again, or restore that version");
  }

  /** The lock's version of a Python requirement, by its normalised name (PEP 503), or null. */
  static Locked python(ArchLock lock, String name) {
    String wanted = normalise(name);
    for (Map.Entry<String, Locked> entry : lock.python().entrySet()) {
      if (normalise(entry.getKey()).equals(wanted)) {
        return entry.getValue();
      }
    }
    return null;
  }

  static String normalise(String pythonName) {
    return pythonName.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  /** The package name of a requirement or spec: what precedes its version part. */
  static String name(String ecosystem, String spec) {
    return switch (ecosystem) {
      case "apt" -> spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : spec;
      case "npm" -> {
        int at = spec.indexOf('@', 1);
        yield at < 0 ? spec : spec.substring(0, at);
      }
      default -> {
        Matcher m = Pattern.compile("[A-Za-z0-9._-]+").matcher(spec.strip());
        yield m.lookingAt() ? m.group() : spec;
      }
    };
  }

  private static Diagnostic problem(Code code, String file, String message) {
    return Diagnostic.of(code, file, "", null, message);
  }
}
