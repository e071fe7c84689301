package dev.capsem.core.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Upstream's default user profile folder, from CAPSEM_HOME, else HOME, else the working dir. */
class SettingsDefaultsTest {

  @Test
  void userProfileDirs_capsemHomeSet_winsOverHome() {
    assertThat(
            SettingsDefaults.userProfileDirs(Map.of("CAPSEM_HOME", "/srv/capsem/", "HOME", "/h")))
        .containsExactly("/srv/capsem/profiles");
  }

  @Test
  void userProfileDirs_emptyCapsemHome_fallsBackToHome() {
    assertThat(SettingsDefaults.userProfileDirs(Map.of("CAPSEM_HOME", "", "HOME", "/home/example")))
        .containsExactly("/home/example/.capsem/profiles");
  }

  @Test
  void userProfileDirs_noVariables_usesRelativeCapsemFolder() {
    assertThat(SettingsDefaults.userProfileDirs(Map.of())).containsExactly(".capsem/profiles");
  }

  @Test
  void userProfileDirs_rootOrDotHomes_joinLikePythonPaths() {
    assertThat(SettingsDefaults.userProfileDirs(Map.of("HOME", "/")))
        .containsExactly("/.capsem/profiles");
    assertThat(SettingsDefaults.userProfileDirs(Map.of("CAPSEM_HOME", "/")))
        .containsExactly("/profiles");
    assertThat(SettingsDefaults.userProfileDirs(Map.of("CAPSEM_HOME", "./")))
        .containsExactly("profiles");
  }
}
