package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
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
  public Outcome<TextReport> validate(GivenPath file) {
    return ProfileReports.validated(file, ProfileReader.read(ports.files(), file));
  }

  @Override
  public Outcome<TextReport> init(InitProfileRequest request) {
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
      return Outcome.failed("the draft profile is invalid", check.diagnostics());
    }
    DocumentFormat format =
        DocumentFormat.choose(
            request.format(), request.out() == null ? null : request.out().shown());
    String text = ProfileWriter.write(check.profile(), format == DocumentFormat.TOML);
    return new OutputFiles(ports.files()).printOrWrite(text, request.out(), request.force());
  }

  @Override
  public Outcome<TextReport> initBuiltins(InitBuiltinsRequest request) {
    GuestConfigs.Loaded loaded;
    try {
      loaded = GuestConfigs.load(request.guestDir().path(), request.guestDir().shown());
    } catch (IOException e) {
      return OutputFiles.refused(
          "cannot read " + request.guestDir().shown() + ": " + e.getMessage());
    }
    if (loaded.config() == null) {
      List<Diagnostic> errors = loaded.diagnostics().stream().filter(Diagnostic::isError).toList();
      return Outcome.failed(
          "the guest config " + PythonPath.normalize(request.guestDir().shown()) + " is invalid",
          errors);
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
        return Outcome.failed("a built-in profile is invalid", check.diagnostics());
      }
      String fileName = check.profile().id() + ".profile." + extension;
      planned.add(
          new OutputFiles.Planned(
              request.outDir().resolve(fileName),
              ProfileWriter.write(check.profile(), format == DocumentFormat.TOML)));
    }
    return new OutputFiles(ports.files())
        .writeAll(
            planned,
            request.force(),
            List.of(
                "created "
                    + planned.size()
                    + " profiles in "
                    + PythonPath.normalize(request.outDir().shown())));
  }

  @Override
  public Outcome<TextReport> schema() {
    String text = ProfileSchemaDocument.text();
    return Outcome.of(new TextReport(text, text));
  }

  private LocalDate today() {
    return LocalDate.now(ports.clock());
  }
}
