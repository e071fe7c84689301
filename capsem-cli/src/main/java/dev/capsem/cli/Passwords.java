package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.ports.PasswordSource;
import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the command line finds a secret key's password: {@code --password-file}, else the
 * environment variable {@value #ENVIRONMENT_VARIABLE}, else the console when there is one. Never an
 * argument, which every user of the machine could read in the process list.
 */
final class Passwords {

  static final String ENVIRONMENT_VARIABLE = "CAPSEM_KEY_PASSWORD";

  private Passwords() {}

  static PasswordSource source(Path passwordFile, Capsem capsem) {
    if (passwordFile != null) {
      return PasswordSource.firstLineOfFile(passwordFile);
    }
    if (capsem.ports().host().environment().containsKey(ENVIRONMENT_VARIABLE)) {
      return PasswordSource.environmentVariable(
          capsem.ports().host().environment(), ENVIRONMENT_VARIABLE);
    }
    return () -> {
      Console console = System.console();
      return console == null
          ? Optional.empty()
          : Optional.ofNullable(console.readPassword("Password: "));
    };
  }

  /** Whether {@link #source} can yield a password without asking. */
  static boolean available(Path passwordFile, Capsem capsem) {
    return passwordFile != null
        || capsem.ports().host().environment().containsKey(ENVIRONMENT_VARIABLE)
        || System.console() != null;
  }
}
