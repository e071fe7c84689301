package dev.capsem.core.internal.profile;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.internal.report.Validations;

/** Upstream's {@code ProfileValidationReport}, with coded diagnostics. */
public final class ProfileReports {

  public static final String SCHEMA = "capsem.profile.v2";

  private ProfileReports() {}

  /** The outcome of {@code profile validate}. */
  public static Outcome<TextReport> validated(GivenPath file, ProfileCheck check) {
    return Validations.outcome(
        "profile " + file.shown(),
        check.ok(),
        check.diagnostics(),
        validation(file.shown(), check),
        "valid: profile");
  }

  /** {@code {schema, ok, path, diagnostics, profile_id?, revision?}}. */
  public static ObjectNode validation(String pathArgument, ProfileCheck check) {
    ObjectNode.Builder report =
        ObjectNode.builder()
            .put("schema", SCHEMA)
            .put("ok", BooleanNode.of(check.ok()))
            .put("path", PythonPath.normalize(pathArgument))
            .put("diagnostics", DiagnosticJson.array(check.diagnostics()));
    if (check.profile() != null) {
      report.put("profile_id", check.profile().id()).put("revision", check.profile().revision());
    }
    return report.build();
  }
}
