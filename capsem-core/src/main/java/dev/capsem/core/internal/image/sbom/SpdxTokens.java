package dev.capsem.core.internal.image.sbom;

import java.util.regex.Pattern;

/**
 * The identifier-safe form of a name in SPDXIDs and the document namespace: every run of characters
 * outside {@code [A-Za-z0-9.-]} becomes one {@code -}, dashes at either end go, and nothing left
 * means {@code unknown} ({@code x86_64} gives {@code x86-64}, {@code @openai/codex} gives {@code
 * openai-codex}).
 */
public final class SpdxTokens {

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9.-]+");

  private SpdxTokens() {}

  public static String token(String value) {
    String token = UNSAFE.matcher(value).replaceAll("-");
    int start = 0;
    int end = token.length();
    while (start < end && token.charAt(start) == '-') {
      start++;
    }
    while (end > start && token.charAt(end - 1) == '-') {
      end--;
    }
    return start == end ? "unknown" : token.substring(start, end);
  }
}
