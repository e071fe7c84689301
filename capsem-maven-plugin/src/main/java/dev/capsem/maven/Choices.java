package dev.capsem.maven;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;

/** Parameters that take one of a few words. */
final class Choices {

  private Choices() {}

  /** Fails unless {@code value} is one of {@code allowed}, naming the parameter. */
  static String choice(String value, String parameter, List<String> allowed)
      throws MojoFailureException {
    if (!allowed.contains(value)) {
      throw new MojoFailureException(
          "capsem." + parameter + " must be one of " + String.join(", ", allowed) + ": " + value);
    }
    return value;
  }
}
