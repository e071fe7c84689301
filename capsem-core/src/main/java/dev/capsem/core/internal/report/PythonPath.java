package dev.capsem.core.internal.report;

/**
 * A path argument echoed the way Python's {@code pathlib} prints it: {@code ./x.json} becomes
 * {@code x.json}, repeated and trailing slashes go, {@code .} segments go, {@code ..} stays.
 */
public final class PythonPath {

  private PythonPath() {}

  public static String normalize(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    String prefix = "";
    if (path.startsWith("//") && !path.startsWith("///")) {
      prefix = "//";
    } else if (path.startsWith("/")) {
      prefix = "/";
    }
    StringBuilder out = new StringBuilder();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(part);
    }
    if (out.length() == 0) {
      return prefix.isEmpty() ? "." : prefix;
    }
    return prefix + out;
  }
}
