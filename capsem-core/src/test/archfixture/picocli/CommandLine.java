package picocli;

/** A stand-in named like picocli's type, so the architecture test can prove its rule bites. */
public final class CommandLine {}
