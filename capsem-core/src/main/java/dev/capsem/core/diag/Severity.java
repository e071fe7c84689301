package dev.capsem.core.diag;

/** How bad a diagnostic is: errors make a report fail, warnings do not. */
public enum Severity {
  ERROR("error", "error"),
  WARNING("warning", "warn");

  private final String jsonName;
  private final String label;

  Severity(String jsonName, String label) {
    this.jsonName = jsonName;
    this.label = label;
  }

  /** The spelling in JSON reports: {@code error} or {@code warning}. */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The spelling in one-line human output, as the brief writes it: {@code error[E001]}, {@code
   * warn[W001]}.
   */
  public String label() {
    return label;
  }
}
