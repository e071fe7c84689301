package dev.capsem.core.internal.workspace;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.schema.Refusal;
import dev.capsem.core.internal.secrets.ShownValue;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The shapes of the workspace values our Dockerfiles use as bare tokens, where neither Docker nor
 * the shell could quote them: the base image, the platform, the kernel image path and the npm
 * prefix; and the two rules every other build-reaching string must follow, no control character (a
 * line break would end the Dockerfile instruction) and no leading {@code -} for a package (it would
 * be read as an option). A workspace that breaks them is refused (E570) before anything is
 * rendered.
 */
public final class BuildTokens {

  /** Docker's image reference, loosely: registry, path, tag and digest characters. */
  public static final Pattern IMAGE_REFERENCE =
      Pattern.compile("[a-z0-9][A-Za-z0-9._/:-]{0,199}(?:@sha256:[0-9a-f]{64})?");

  public static final Pattern PLATFORM =
      Pattern.compile("[a-z0-9]{1,16}/[a-z0-9_]{1,16}(?:/v[0-9])?");

  /** A path inside the kernel tree ({@code arch/x86_64/boot/bzImage}). */
  public static final Pattern RELATIVE_PATH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]{0,199}");

  /** An absolute path made of plain characters ({@code /opt/ai-clis}). */
  public static final Pattern ABSOLUTE_PATH = Pattern.compile("/[A-Za-z0-9._/-]{0,199}");

  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f\\x85\\u2028\\u2029]");

  private BuildTokens() {}

  /** Whether {@code value} holds a character that ends or splits a line somewhere. */
  public static boolean hasControl(String value) {
    return CONTROL.matcher(value).find();
  }

  /** A schema check: {@code value} must match {@code shape}, described as {@code what}. */
  static Function<String, Refusal> shaped(Pattern shape, String what) {
    return value ->
        shape.matcher(value).matches()
            ? null
            : Refusal.valueError(
                Code.E570,
                ShownValue.quoted(value) + " is not " + what + " (it reaches a Dockerfile)");
  }

  /** A schema check: an absolute path, or empty for the default. */
  static Refusal prefix(String value) {
    return value.isEmpty()
        ? null
        : shaped(ABSOLUTE_PATH, "an absolute path of plain characters").apply(value);
  }

  /** A schema check: a value on one line. */
  static Refusal oneLine(String value) {
    return hasControl(value)
        ? Refusal.valueError(
            Code.E570,
            ShownValue.quoted(value)
                + " holds a line break or control character (it reaches a Dockerfile)")
        : null;
  }

  /**
   * Whether {@code command} may stand in a Dockerfile {@code RUN} line as it is: one line, and no
   * here-document marker, which would make Docker read the following lines as its body.
   */
  public static boolean isOneLineCommand(String command) {
    return !hasControl(command) && !command.contains("<<");
  }

  /** A schema check: a shell command on one line (see {@link #isOneLineCommand}). */
  static Refusal oneLineCommand(String value) {
    return isOneLineCommand(value)
        ? null
        : Refusal.valueError(
            Code.E570,
            ShownValue.quoted(value)
                + " holds a line break, control character or here-document marker (<<); it"
                + " reaches a Dockerfile RUN line");
  }

  /** A schema check: a package spec or installer URL. */
  static Refusal packageSpec(String value) {
    if (value.startsWith("-")) {
      return Refusal.valueError(
          Code.E570, ShownValue.quoted(value) + " starts with '-' and would be read as an option");
    }
    return oneLine(value);
  }
}
