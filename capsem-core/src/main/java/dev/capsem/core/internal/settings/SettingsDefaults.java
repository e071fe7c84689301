package dev.capsem.core.internal.settings;

import dev.capsem.core.internal.report.PythonPath;
import java.util.List;
import java.util.Map;

/**
 * The defaults that upstream takes from the environment when settings are read or drafted: the
 * Capsem home is {@code $CAPSEM_HOME}, else {@code $HOME/.capsem}, else {@code .capsem} (an empty
 * variable counts as unset), and user profiles live in its {@code profiles} folder.
 */
public final class SettingsDefaults {

  private SettingsDefaults() {}

  /** The Capsem home as Python's {@code str(Path(...))} prints it. */
  public static String capsemHome(Map<String, String> environment) {
    String capsemHome = environment.get("CAPSEM_HOME");
    if (capsemHome != null && !capsemHome.isEmpty()) {
      return PythonPath.normalize(capsemHome);
    }
    String home = environment.get("HOME");
    if (home != null && !home.isEmpty()) {
      return join(home, ".capsem");
    }
    return ".capsem";
  }

  /** The default {@code profiles.user_dirs}: one folder, {@code <capsem home>/profiles}. */
  public static List<String> userProfileDirs(Map<String, String> environment) {
    return List.of(join(capsemHome(environment), "profiles"));
  }

  /** Python's {@code str(Path(base) / name)}. */
  private static String join(String base, String name) {
    String parent = PythonPath.normalize(base);
    if (parent.equals(".")) {
      return name;
    }
    return parent.endsWith("/") ? parent + name : parent + "/" + name;
  }
}
