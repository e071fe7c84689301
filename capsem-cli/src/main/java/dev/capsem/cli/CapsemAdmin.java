package dev.capsem.cli;

/** The {@code capsem-admin} command line. */
public final class CapsemAdmin {

  private CapsemAdmin() {}

  public static void main(String[] args) {
    System.exit(0);
  }
}
