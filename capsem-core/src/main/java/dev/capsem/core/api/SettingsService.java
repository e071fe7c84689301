package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.report.Validations;
import dev.capsem.core.internal.settings.SettingsCheck;
import dev.capsem.core.internal.settings.SettingsDraft;
import dev.capsem.core.internal.settings.SettingsReader;
import dev.capsem.core.internal.settings.SettingsReports;
import dev.capsem.core.internal.settings.SettingsSchemaDocument;
import dev.capsem.core.internal.settings.SettingsWriter;
import java.util.List;

/** The settings use cases. */
final class SettingsService implements SettingsUseCases {

  private final Ports ports;

  SettingsService(Ports ports) {
    this.ports = ports;
  }

  @Override
  public Outcome<TextReport> validate(GivenPath file) {
    SettingsCheck check = read(file);
    return Validations.outcome(
        "settings " + file.shown(),
        check.ok(),
        check.diagnostics(),
        SettingsReports.validation(file.shown(), check),
        "valid: service settings");
  }

  @Override
  public Outcome<TextReport> doctor(GivenPath file) {
    SettingsCheck check = read(file);
    List<String> summary =
        check.settings() == null ? List.of() : SettingsReports.doctorText(check.settings());
    return Outcome.checked(
        new TextReport(
            JsonPrinter.pretty().printLine(SettingsReports.doctor(file.shown(), check)),
            TextReport.lines(summary)),
        check.ok(),
        check.diagnostics(),
        invalid(file));
  }

  private SettingsCheck read(GivenPath file) {
    return SettingsReader.read(ports.files(), file, ports.host().environment());
  }

  private static String invalid(GivenPath file) {
    return "settings " + file.shown() + " is invalid";
  }

  @Override
  public Outcome<TextReport> init(InitSettingsRequest request) {
    SettingsCheck check =
        new SettingsDraft(
                request.defaultProfile(),
                request.baseDirs(),
                request.corpDirs(),
                request.userDirs(),
                request.assetsDir())
            .create(ports.host().environment());
    if (!check.ok()) {
      return Outcome.failed("the draft settings are invalid", check.diagnostics());
    }
    DocumentFormat format =
        DocumentFormat.choose(
            request.format(), request.out() == null ? null : request.out().shown());
    String text = SettingsWriter.write(check.settings(), format == DocumentFormat.TOML);
    return new OutputFiles(ports.files()).printOrWrite(text, request.out(), request.force());
  }

  @Override
  public Outcome<TextReport> schema() {
    String text = SettingsSchemaDocument.text();
    return Outcome.of(new TextReport(text, text));
  }
}
