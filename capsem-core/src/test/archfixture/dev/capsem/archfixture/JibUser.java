package dev.capsem.archfixture;

/**
 * A class that breaks the hexagon on purpose: it uses {@code com.google.cloud.tools.jib.api.Jib}.
 */
public final class JibUser {
  com.google.cloud.tools.jib.api.Jib used;
}
