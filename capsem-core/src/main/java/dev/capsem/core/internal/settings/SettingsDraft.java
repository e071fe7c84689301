package dev.capsem.core.internal.settings;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The draft that {@code settings init} writes: every default, with the options given. An empty
 * folder list means "not given" and keeps the default, as upstream's {@code list(...) or None}.
 *
 * @param defaultProfile {@code --default-profile}, or {@code null} for {@code everyday-work}
 * @param baseDirs {@code --base-dir}, repeated
 * @param corpDirs {@code --corp-dir}, repeated
 * @param userDirs {@code --user-dir}, repeated; the default comes from the environment
 * @param assetsDir {@code --assets-dir}, or {@code null}
 */
public record SettingsDraft(
    String defaultProfile,
    List<String> baseDirs,
    List<String> corpDirs,
    List<String> userDirs,
    String assetsDir) {

  public SettingsDraft {
    baseDirs = baseDirs == null ? List.of() : List.copyOf(baseDirs);
    corpDirs = corpDirs == null ? List.of() : List.copyOf(corpDirs);
    userDirs = userDirs == null ? List.of() : List.copyOf(userDirs);
  }

  /** The draft with every default. */
  public static SettingsDraft defaults() {
    return new SettingsDraft(null, List.of(), List.of(), List.of(), null);
  }

  /** Fills in every default (user folders from {@code environment}) and validates the result. */
  public SettingsCheck create(Map<String, String> environment) {
    return SettingsReader.check(document(), null, environment);
  }

  private ObjectNode document() {
    ObjectNode.Builder profiles =
        ObjectNode.builder()
            .put(
                "default_profile",
                defaultProfile == null ? SettingsSchema.DEFAULT_PROFILE : defaultProfile);
    putIfGiven(profiles, "base_dirs", baseDirs);
    putIfGiven(profiles, "corp_dirs", corpDirs);
    putIfGiven(profiles, "user_dirs", userDirs);
    ObjectNode.Builder assets = ObjectNode.builder();
    if (assetsDir != null) {
      assets.put("assets_dir", assetsDir);
    }
    return ObjectNode.builder()
        .put("profiles", profiles.build())
        .put("assets", assets.build())
        .build();
  }

  private static void putIfGiven(ObjectNode.Builder builder, String key, List<String> dirs) {
    if (!dirs.isEmpty()) {
      builder.put(key, ArrayNode.ofStrings(dirs));
    }
  }
}
