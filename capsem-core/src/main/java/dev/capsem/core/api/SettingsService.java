package dev.capsem.core.api;

import dev.capsem.core.internal.settings.SettingsCheck;
import dev.capsem.core.internal.settings.SettingsDraft;
import dev.capsem.core.internal.settings.SettingsReader;
import dev.capsem.core.internal.settings.SettingsReports;
import dev.capsem.core.internal.settings.SettingsSchemaDocument;
import dev.capsem.core.internal.settings.SettingsWriter;
import java.nio.file.Path;
import java.util.List;

/** The settings use cases. */
final class SettingsService implements SettingsUseCases {

  private final Ports ports;

  SettingsService(Ports ports) {
    this.ports = ports;
  }

  @Override
  public Validation validate(Path file, String shownAs) {
    SettingsCheck check = SettingsReader.read(file, shownAs, ports.host().environment());
    return new Validation(
        check.ok(), check.diagnostics(), SettingsReports.validation(shownAs, check));
  }

  @Override
  public SettingsDiagnosis doctor(Path file, String shownAs) {
    SettingsCheck check = SettingsReader.read(file, shownAs, ports.host().environment());
    return new SettingsDiagnosis(
        check.ok(),
        check.diagnostics(),
        SettingsReports.doctor(shownAs, check),
        check.settings() == null ? List.of() : SettingsReports.doctorText(check.settings()));
  }

  @Override
  public Generated init(InitSettingsRequest request) {
    SettingsCheck check =
        new SettingsDraft(
                request.defaultProfile(),
                request.baseDirs(),
                request.corpDirs(),
                request.userDirs(),
                request.assetsDir())
            .create(ports.host().environment());
    if (!check.ok()) {
      return Generated.invalid(check.diagnostics());
    }
    DocumentFormat format = DocumentFormat.choose(request.format(), request.outAsGiven());
    String text = SettingsWriter.write(check.settings(), format == DocumentFormat.TOML);
    return OutputFiles.printOrWrite(text, request.out(), request.outAsGiven(), request.force());
  }

  @Override
  public String schema() {
    return SettingsSchemaDocument.text();
  }
}
