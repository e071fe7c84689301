package dev.capsem.archfixture;

/** A class that breaks the hexagon on purpose: it uses {@code picocli.CommandLine}. */
public final class PicocliCommand {
  picocli.CommandLine used;
}
