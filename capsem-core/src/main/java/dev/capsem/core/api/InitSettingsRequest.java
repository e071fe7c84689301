package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.List;

/** {@code settings init}: the options (empty lists keep the defaults) and where to write. */
public record InitSettingsRequest(
    String defaultProfile,
    List<String> baseDirs,
    List<String> corpDirs,
    List<String> userDirs,
    String assetsDir,
    DocumentFormat format,
    GivenPath out,
    boolean force) {}
