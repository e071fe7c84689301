package dev.capsem.core.internal.settings;

/** The desktop app: launch at login, look, and where Google credentials are read from. */
public record AppSettings(
    boolean autoLaunch, String theme, String accent, String googleConfigPath) {}
