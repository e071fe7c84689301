package dev.capsem.archfixture;

/** A class that breaks the hexagon on purpose: it uses {@code org.apache.maven.plugin.Mojo}. */
public final class MavenMojo {
  org.apache.maven.plugin.Mojo used;
}
