package dev.capsem.core.internal.settings;

import java.util.List;

/** Where profiles are found (base, corp and user folders), the default one, and user rights. */
public record ProfileRoots(
    List<String> baseDirs,
    List<String> corpDirs,
    List<String> userDirs,
    String defaultProfile,
    boolean allowUserProfiles,
    boolean allowUserFork,
    boolean allowUserDelete) {

  public ProfileRoots {
    baseDirs = List.copyOf(baseDirs);
    corpDirs = List.copyOf(corpDirs);
    userDirs = List.copyOf(userDirs);
  }
}
