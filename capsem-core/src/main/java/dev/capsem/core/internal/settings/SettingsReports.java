package dev.capsem.core.internal.settings;

import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.NullNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.internal.report.PythonPath;
import java.util.List;

/**
 * Upstream's {@code SettingsValidationReport} and {@code SettingsDoctorReport}, with coded
 * diagnostics, and the doctor's text summary.
 */
public final class SettingsReports {

  public static final String SCHEMA = "capsem.service-settings.v2";

  /** What {@code settings validate} prints on success in text mode. */
  public static final String VALID_TEXT = "valid: service settings";

  private SettingsReports() {}

  /** {@code {schema, ok, path, diagnostics}}. */
  public static ObjectNode validation(String pathArgument, SettingsCheck check) {
    return header(pathArgument, check).build();
  }

  /**
   * The validation report plus the posture summary. Upstream prints this report without dropping
   * {@code None}, so on failure every summary field is present and {@code null}.
   */
  public static ObjectNode doctor(String pathArgument, SettingsCheck check) {
    ObjectNode.Builder report = header(pathArgument, check);
    ServiceSettings settings = check.settings();
    if (settings == null) {
      for (String key :
          List.of(
              "default_profile",
              "profile_catalog_configured",
              "telemetry_enabled",
              "remote_policy_enabled",
              "credential_backend")) {
        report.put(key, NullNode.of());
      }
      return report.build();
    }
    return report
        .put("default_profile", settings.profiles().defaultProfile())
        .put("profile_catalog_configured", settings.profileCatalog().configured())
        .put("telemetry_enabled", settings.telemetry().enabled())
        .put("remote_policy_enabled", settings.remotePolicy().enabled())
        .put("credential_backend", settings.credentials().backend())
        .build();
  }

  /**
   * The six lines {@code settings doctor} prints on success, with Python's {@code True}/{@code
   * False}.
   */
  public static List<String> doctorText(ServiceSettings settings) {
    return List.of(
        "service settings: ok",
        "default profile: " + settings.profiles().defaultProfile(),
        "profile catalog configured: " + python(settings.profileCatalog().configured()),
        "telemetry enabled: " + python(settings.telemetry().enabled()),
        "remote policy enabled: " + python(settings.remotePolicy().enabled()),
        "credential backend: " + settings.credentials().backend());
  }

  private static ObjectNode.Builder header(String pathArgument, SettingsCheck check) {
    return ObjectNode.builder()
        .put("schema", SCHEMA)
        .put("ok", BooleanNode.of(check.ok()))
        .put("path", PythonPath.normalize(pathArgument))
        .put("diagnostics", DiagnosticJson.array(check.diagnostics()));
  }

  private static String python(boolean value) {
    return value ? "True" : "False";
  }
}
