package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.profile.Profile;
import java.util.List;

/**
 * Which architectures a plan or build covers: {@code all} means arm64 then x86_64, and every
 * selected architecture must have VM assets in the profile.
 */
public final class ArchSelection {

  public static final List<String> ALL = List.of("arm64", "x86_64");

  private ArchSelection() {}

  /** The architectures {@code choice} names, in plan order. */
  public static List<String> of(String choice) {
    return "all".equals(choice) ? ALL : List.of(choice);
  }

  /** E102 for the first selected architecture without assets, or null when all have them. */
  public static Diagnostic missingAssets(Profile profile, String choice, String file) {
    for (String arch : of(choice)) {
      if (!profile.vm().assets().containsKey(arch)) {
        return new Diagnostic(
            Code.E102,
            file,
            "settings",
            null,
            "profile '"
                + profile.id()
                + "' revision '"
                + profile.revision()
                + "' missing VM assets for arch '"
                + arch
                + "'");
      }
    }
    return null;
  }
}
