package dev.capsem.core.api;

import java.util.List;

/** Printed text back into its lines. */
final class TextLines {

  private TextLines() {}

  static List<String> of(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }
}
