package dev.capsem.core.diag;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key shapes of the common AI and code-hosting providers (upstream's patterns plus OpenAI
 * project keys, GitHub fine-grained tokens, AWS access keys, Slack tokens and credentials in a
 * URL), and their redaction: only the well-known prefix of a secret is ever shown ({@code
 * sk-ant-…}). Every {@link Diagnostic} passes its path and message through {@link #redact}, so no
 * finding can repeat a secret, whatever check made it.
 */
public final class SecretShapes {

  private record Shape(Pattern pattern, String shownPrefix) {
    String shown(Matcher matcher) {
      if (shownPrefix != null) {
        return shownPrefix + "…";
      }
      String found = matcher.group();
      int scheme = found.indexOf("://");
      return scheme >= 0 ? found.substring(0, scheme + 3) + "…@" : found.substring(0, 4) + "…";
    }
  }

  private static final List<Shape> SHAPES =
      List.of(
          new Shape(Pattern.compile("sk-ant-[A-Za-z0-9_-]{10,}"), "sk-ant-"),
          new Shape(Pattern.compile("sk-proj-[A-Za-z0-9_-]{20,}"), "sk-proj-"),
          new Shape(Pattern.compile("sk-[A-Za-z0-9]{20,}"), "sk-"),
          new Shape(Pattern.compile("AIza[A-Za-z0-9_-]{10,}"), "AIza"),
          new Shape(Pattern.compile("gh[pousr]_[A-Za-z0-9]{20,}"), null),
          new Shape(Pattern.compile("github_pat_[A-Za-z0-9_]{20,}"), "github_pat_"),
          new Shape(Pattern.compile("glpat-[A-Za-z0-9_-]{10,}"), "glpat-"),
          new Shape(Pattern.compile("AKIA[0-9A-Z]{16}"), "AKIA"),
          new Shape(Pattern.compile("xox[abprs]-[A-Za-z0-9-]{10,}"), null),
          new Shape(Pattern.compile("Bearer\\s+[A-Za-z0-9_.-]{20,}"), "Bearer "),
          // user:password@ in a URL's authority (a bare user@ is no secret).
          new Shape(
              Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,15}://[^/?#@\\s:]*:[^/?#@\\s]*@"), null));

  private static final Pattern CREDENTIAL_REFERENCE = Pattern.compile("env:[A-Za-z_][A-Za-z0-9_]*");

  private SecretShapes() {}

  /**
   * The redacted form of the first secret in {@code text} ({@code sk-ant-…}), or empty. A value
   * that is exactly a credential reference ({@code env:NAME}) never matches.
   */
  public static Optional<String> find(String text) {
    if (CREDENTIAL_REFERENCE.matcher(text).matches()) {
      return Optional.empty();
    }
    for (Shape shape : SHAPES) {
      Matcher matcher = shape.pattern().matcher(text);
      if (matcher.find()) {
        return Optional.of(shape.shown(matcher));
      }
    }
    return Optional.empty();
  }

  /** {@code text} with every secret in it replaced by its redacted form. */
  public static String redact(String text) {
    if (text == null || text.length() < 10) {
      return text;
    }
    String out = text;
    for (Shape shape : SHAPES) {
      Matcher matcher = shape.pattern().matcher(out);
      if (!matcher.find()) {
        continue;
      }
      StringBuilder redacted = new StringBuilder();
      do {
        matcher.appendReplacement(redacted, Matcher.quoteReplacement(shape.shown(matcher)));
      } while (matcher.find());
      matcher.appendTail(redacted);
      out = redacted.toString();
    }
    return out;
  }
}
