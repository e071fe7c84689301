package dev.capsem.core.internal.image.version;

/** The package ecosystems of an image contract, named by the report's {@code kind}. */
public enum Ecosystem {
  /** Debian packages, ordered as dpkg orders them. */
  APT("apt", "Debian"),
  /** Python distributions, ordered by PEP 440. */
  PYTHON("python", "PEP 440"),
  /** npm packages, ordered by SemVer 2.0.0. */
  NODE("node", "SemVer");

  private final String kind;
  private final String scheme;

  Ecosystem(String kind, String scheme) {
    this.kind = kind;
    this.scheme = scheme;
  }

  /** The contract row kind: {@code apt}, {@code python} or {@code node}. */
  public String kind() {
    return kind;
  }

  /** The name of the version scheme, for messages. */
  public String scheme() {
    return scheme;
  }

  /** The ecosystem of a contract row kind, or {@code null} for {@code tool}. */
  public static Ecosystem ofKind(String kind) {
    for (Ecosystem e : values()) {
      if (e.kind.equals(kind)) {
        return e;
      }
    }
    return null;
  }
}
