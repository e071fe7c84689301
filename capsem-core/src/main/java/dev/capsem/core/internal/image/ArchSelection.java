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

  /**
   * Not a choice of upstream's: each architecture the profile declares assets for (E102 only when
   * it declares none), what {@code image verify} checks when no {@code --arch} is given.
   */
  public static final String DECLARED = "declared";

  private ArchSelection() {}

  /** The architectures {@code choice} names, in plan order. */
  public static List<String> of(String choice) {
    return "all".equals(choice) ? ALL : List.of(choice);
  }

  /** The architectures {@code choice} names for {@code profile} ({@link #DECLARED} resolved). */
  public static List<String> of(Profile profile, String choice) {
    if (!DECLARED.equals(choice)) {
      return of(choice);
    }
    List<String> declared =
        ALL.stream().filter(arch -> profile.vm().assets().containsKey(arch)).toList();
    return declared.isEmpty() ? ALL : declared;
  }

  /** E102 for the first selected architecture without assets, or null when all have them. */
  public static Diagnostic missingAssets(Profile profile, String choice, String file) {
    for (String arch : of(profile, choice)) {
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
