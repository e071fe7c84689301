package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a profile may hold but upstream's build cannot take: values its workspace writer or guest
 * config loader fails on, reported before a workspace is derived.
 */
public final class BuildLimits {

  /** Python's {@code int()} of a string: optional blanks and sign around decimal digits. */
  static final Pattern INTEGER_MAJOR = Pattern.compile("\\s*[+-]?([0-9]+)\\s*");

  private BuildLimits() {}

  /**
   * E103 when the profile's node runtime has no integer major version (upstream crashes in {@code
   * int()}), else null.
   */
  public static Diagnostic nodeMajorProblem(Profile profile, String profileShown) {
    String node = profile.packages().runtimes().get("node");
    if (node == null || node.isEmpty()) {
      return null;
    }
    String major = node.contains(".") ? node.substring(0, node.indexOf('.')) : node;
    if (INTEGER_MAJOR.matcher(major).matches()) {
      return null;
    }
    return new Diagnostic(
        Code.E103,
        profileShown,
        "packages.runtimes.node",
        null,
        "packages.runtimes.node '" + node + "' must start with an integer major version");
  }

  /**
   * E107 for VM resources beyond what the guest config that {@code image build} loads accepts
   * ({@code cpu_count} 1..8, {@code ram_gb} 1..16, {@code scratch_disk_size_gb} 1..128): upstream
   * writes such a workspace and then fails to load it.
   */
  public static List<Diagnostic> buildLimitProblems(Profile profile, String profileShown) {
    List<Diagnostic> problems = new ArrayList<>();
    long cpus = profile.vm().cpus();
    if (cpus > 8) {
      problems.add(limit(profileShown, "cpus", cpus, 8));
    }
    long memory = profile.vm().memoryMib();
    if (Math.floorDiv(memory, 1024) > 16) {
      problems.add(limit(profileShown, "memory_mib", memory, 16 * 1024 + 1023));
    }
    long disk = profile.vm().diskMib();
    if (Math.floorDiv(disk, 1024) > 128) {
      problems.add(limit(profileShown, "disk_mib", disk, 128 * 1024 + 1023));
    }
    return problems;
  }

  private static Diagnostic limit(String file, String field, long value, long max) {
    return new Diagnostic(
        Code.E107,
        file,
        "vm." + field,
        null,
        "vm." + field + " " + value + " exceeds the build limit " + max);
  }
}
