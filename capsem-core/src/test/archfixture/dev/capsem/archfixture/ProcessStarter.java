package dev.capsem.archfixture;

/** A class that breaks the hexagon on purpose: it uses {@code java.lang.ProcessBuilder}. */
public final class ProcessStarter {
  java.lang.ProcessBuilder used;
}
