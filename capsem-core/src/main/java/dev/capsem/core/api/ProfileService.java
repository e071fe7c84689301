package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileDraft;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.profile.ProfileReports;
import dev.capsem.core.internal.profile.ProfileSchemaDocument;
import dev.capsem.core.internal.profile.ProfileWriter;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.internal.workspace.BuiltinProfiles;
import dev.capsem.core.internal.workspace.GuestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The profile use cases over the domain's profile and workspace packages. */
final class ProfileService implements ProfileUseCases {

  private final Ports ports;

  ProfileService(Ports ports) {
    this.ports = ports;
  }

  @Override
  public Validation validate(Path file, String shownAs) {
    ProfileCheck check = ProfileReader.read(file, shownAs);
    return new Validation(
        check.ok(), check.diagnostics(), ProfileReports.validation(shownAs, check));
  }

  @Override
  public Generated init(InitProfileRequest request) {
    ProfileCheck check =
        new ProfileDraft(
                request.id(),
                request.revision(),
                request.name(),
                request.description(),
                request.bestFor(),
                request.ui(),
                request.profileType())
            .create(today());
    if (!check.ok()) {
      return Generated.invalid(check.diagnostics());
    }
    DocumentFormat format = DocumentFormat.choose(request.format(), request.outAsGiven());
    String text = ProfileWriter.write(check.profile(), format == DocumentFormat.TOML);
    return OutputFiles.printOrWrite(text, request.out(), request.outAsGiven(), request.force());
  }

  @Override
  public Generated initBuiltins(InitBuiltinsRequest request) {
    GuestConfigs.Loaded loaded;
    try {
      loaded = GuestConfigs.load(request.guestDir(), request.guestDirAsGiven());
    } catch (IOException e) {
      return Generated.refused("cannot read " + request.guestDirAsGiven() + ": " + e.getMessage());
    }
    if (loaded.config() == null) {
      return Generated.invalid(loaded.diagnostics().stream().filter(Diagnostic::isError).toList());
    }
    String revision =
        request.revision() == null || request.revision().isEmpty()
            ? ProfileDraft.revisionFor(today())
            : request.revision();
    DocumentFormat format = request.format() == null ? DocumentFormat.TOML : request.format();
    String extension = format == DocumentFormat.TOML ? "toml" : "json";
    List<OutputFiles.Planned> planned = new ArrayList<>();
    for (ProfileCheck check : BuiltinProfiles.derive(loaded.config(), revision)) {
      if (!check.ok()) {
        return Generated.invalid(check.diagnostics());
      }
      String fileName = check.profile().id() + ".profile." + extension;
      planned.add(
          new OutputFiles.Planned(
              request.outDir().resolve(fileName),
              request.outDirAsGiven() + "/" + fileName,
              ProfileWriter.write(check.profile(), format == DocumentFormat.TOML)));
    }
    try {
      Files.createDirectories(request.outDir());
    } catch (IOException e) {
      return Generated.refused("cannot create " + request.outDirAsGiven() + ": " + e.getMessage());
    }
    return OutputFiles.writeAll(
        planned,
        request.force(),
        List.of(
            "created "
                + planned.size()
                + " profiles in "
                + PythonPath.normalize(request.outDirAsGiven())));
  }

  @Override
  public String schema() {
    return ProfileSchemaDocument.text();
  }

  private LocalDate today() {
    return LocalDate.now(ports.clock());
  }
}
