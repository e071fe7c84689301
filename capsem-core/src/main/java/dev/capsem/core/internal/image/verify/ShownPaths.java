package dev.capsem.core.internal.image.verify;

import dev.capsem.core.internal.report.PythonPath;

/** Report paths built as Python's {@code pathlib} joins them, from the paths the user gave. */
final class ShownPaths {

  private ShownPaths() {}

  /** {@code str(Path(base) / part / ...)}: {@code .} disappears, a root keeps its slash. */
  static String join(String base, String... parts) {
    String normalized = PythonPath.normalize(base);
    StringBuilder out = new StringBuilder(normalized.equals(".") ? "" : normalized);
    for (String part : parts) {
      if (out.length() > 0 && out.charAt(out.length() - 1) != '/') {
        out.append('/');
      }
      out.append(part);
    }
    return PythonPath.normalize(out.toString());
  }
}
