package dev.capsem.core.api;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.image.ReproducibilityFlow;
import dev.capsem.core.internal.image.version.VersionMatching;
import dev.capsem.core.internal.kit.ProjectCa;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.release.CatalogOfReleases;
import dev.capsem.core.internal.release.ReleaseConfig;
import dev.capsem.core.internal.release.ReleaseFile;
import dev.capsem.core.internal.release.ReleaseLayout;
import dev.capsem.core.internal.release.ReleasePipeline;
import dev.capsem.core.internal.release.ReleaseReport;
import dev.capsem.core.internal.release.Stage;
import dev.capsem.core.ports.BuildProgress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The release use cases over the domain's release pipeline. */
final class ReleaseService implements ReleaseUseCases {

  private final Ports ports;
  private final Flows flows;

  ReleaseService(Ports ports, Flows flows) {
    this.ports = ports;
    this.flows = flows;
  }

  @Override
  public Outcome<Release> release(ReleaseRequest request, BuildProgress progress) {
    ReleaseLayout layout = layout(request);
    ImageOptions image =
        request.image().toBuilder().assets(layout.assets()).workspace(layout.workspace()).build();
    ImageInputs.Checked inputs = ImageInputs.check(image, ports);
    if (inputs.settings() == null) {
      return Outcome.failed(inputs.problems().get(0).message(), inputs.problems());
    }
    ReleaseRequest.Security security = request.security();
    ReleaseRequest.Publication publication = request.publication();
    ReleaseRequest.Signing signing = request.signing();
    ReleaseConfig config =
        new ReleaseConfig(
            request.profile(),
            image.arch(),
            layout,
            inputs.sources(),
            inputs.settings(),
            new ReleaseConfig.Security(
                security.enforcementPack(),
                security.enforcementTests(),
                security.events(),
                security.enforcementExpected(),
                security.detectionPack(),
                security.detectionExpected()),
            publication(publication),
            signing(signing),
            stages(request.stages()),
            VersionMatching.valueOf(request.versionMatch().name()),
            request.doctorBundles(),
            request.skipBootTest());
    Outcome<ReleaseReport> made = new ReleasePipeline(flows.release()).run(config, progress);
    ReleaseReport report = made.value();
    List<PublishedFile> files = new ArrayList<>();
    for (ReleaseFile file : report.files()) {
      files.add(new PublishedFile(file.file(), file.label(), file.type(), file.signature()));
    }
    Release release =
        new Release(
            report.profileId(),
            report.revision(),
            files,
            layout.reports(),
            report.reused(),
            report.signed(),
            report.json(),
            report.text(),
            report.failures(),
            report.summary());
    Outcome<Release> outcome = new Outcome<>(release, made.diagnostics(), made.error());
    if (ProjectCa.isProjectCa(inputs.sources().caCertificate())) {
      // The project CA's key sits beside the project: fine for trying things, not for a release.
      outcome =
          outcome.withDiagnostics(
              List.of(
                  new Diagnostic(
                      Code.W018,
                      inputs.sources().caCertificate().shown(),
                      "",
                      null,
                      "release trusts the generated project CA "
                          + inputs.sources().caCertificate().shown()
                          + ": pass the company's CA (--ca, caCertificate)")));
    }
    return outcome;
  }

  @Override
  public Outcome<TextReport> catalog(CatalogRequest request, BuildProgress progress) {
    ReleaseRequest.Publication publication = request.publication();
    ReleaseRequest.Signing signing = request.signing();
    return new CatalogOfReleases(flows.release())
        .make(
            request.releaseProfiles(),
            request.out(),
            request.catalogBaseUrl(),
            publication(publication),
            signing(signing),
            progress);
  }

  private static ReleaseConfig.Publication publication(ReleaseRequest.Publication publication) {
    return new ReleaseConfig.Publication(
        publication.assetBaseUrl(),
        publication.catalogBaseUrl(),
        publication.release(),
        publication.version(),
        publication.configFile(),
        publication.urlsHint());
  }

  private static ReleaseConfig.Signing signing(ReleaseRequest.Signing signing) {
    return new ReleaseConfig.Signing(
        signing.key(), signing.password(), signing.missingHint(), signing.passwordHint());
  }

  private static ReleaseLayout layout(ReleaseRequest request) {
    ReleaseLayout under = ReleaseLayout.under(request.out());
    ImageOptions image = request.image();
    return new ReleaseLayout(
        under.reports(),
        image.assets() != null ? image.assets() : under.assets(),
        image.workspace() != null ? image.workspace() : under.workspace(),
        orElse(request.sbomDir(), under.sbom()),
        orElse(request.releaseDir(), under.release()),
        orElse(request.junit(), under.junit()),
        orElse(request.detectionIr(), under.detectionIr()),
        orElse(request.downloadsDir(), under.downloads()));
  }

  private static GivenPath orElse(GivenPath value, GivenPath fallback) {
    return value != null ? value : fallback;
  }

  private static Set<Stage> stages(Set<ReleaseStage> stages) {
    Set<Stage> out = EnumSet.noneOf(Stage.class);
    stages.forEach(stage -> out.add(Stage.valueOf(stage.name())));
    return out;
  }

  @Override
  public Outcome<TextReport> verifyReproducible(
      ReproducibilityRequest request, BuildProgress progress) {
    ImageBuildRequest previous = request.build();
    ImageInputs.Checked inputs = ImageInputs.check(previous.options(), ports);
    if (inputs.settings() == null) {
      return Outcome.failed(inputs.problems().get(0).message(), inputs.problems());
    }
    return new ReproducibilityFlow(flows.images(), ports.containers(), ports.hasher())
        .verify(
            ProfileReader.read(ports.files(), previous.profile()),
            previous.profile(),
            previous.options().arch(),
            inputs.sources(),
            inputs.settings(),
            request.rebuildDir(),
            progress);
  }
}
