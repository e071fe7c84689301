package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.boottest.ImageTestFlow;
import dev.capsem.core.internal.image.BuiltImage;
import dev.capsem.core.internal.image.ProfileAssetsWriter;
import dev.capsem.core.internal.image.VerifyFlow;
import dev.capsem.core.internal.image.version.VersionMatching;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.ports.BuildProgress;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** The image use cases: each reads its profile once and hands it to the domain's flows. */
final class ImageService implements ImageUseCases {

  private final Ports ports;
  private final Flows flows;

  ImageService(Ports ports, Flows flows) {
    this.ports = ports;
    this.flows = flows;
  }

  // Every image use case's outputs repeat profile values: a secret there is E573, not W005.
  private ProfileCheck read(GivenPath profile) {
    return ProfileReader.readForOutputs(ports.files(), profile);
  }

  @Override
  public Outcome<TextReport> plan(ImagePlanRequest request) {
    var planned = flows.images().plan(read(request.profile()), request.profile(), request.arch());
    if (planned.value() == null) {
      return Outcome.failed(planned.error(), planned.diagnostics());
    }
    return Outcome.of(
        new TextReport(planned.value().json(), planned.value().text()), planned.diagnostics());
  }

  @Override
  public Outcome<TextReport> buildWorkspace(ImageWorkspaceRequest request) {
    ImageInputs.Checked inputs = ImageInputs.sourcesChecked(request.options(), ports);
    if (inputs.sources() == null) {
      return Outcome.failed(inputs.problems().get(0).message(), inputs.problems());
    }
    return flows
        .images()
        .writeWorkspace(
            read(request.profile()),
            request.profile(),
            request.options().arch(),
            inputs.sources(),
            request.out(),
            request.force());
  }

  @Override
  public Outcome<TextReport> build(ImageBuildRequest request, BuildProgress progress) {
    ImageInputs.Checked inputs = ImageInputs.check(request.options(), ports);
    if (inputs.settings() == null) {
      return Outcome.failed(inputs.problems().get(0).message(), inputs.problems());
    }
    ImageOptions options = request.options();
    Outcome<BuiltImage> built =
        flows
            .images()
            .build(
                read(request.profile()),
                request.profile(),
                options.arch(),
                inputs.sources(),
                options.workspace(),
                options.force(),
                inputs.settings(),
                progress);
    if (built.value() == null) {
      return Outcome.failed(built.error(), built.diagnostics());
    }
    BuiltImage image = built.value();
    List<String> summary = new ArrayList<>(TextLines.of(image.text()));
    List<Diagnostic> diagnostics = new ArrayList<>(built.diagnostics());
    if (request.recordAssets() && !options.dryRun()) {
      ProfileAssetsWriter.Result recorded =
          ProfileAssetsWriter.write(request.profile(), image.build(), inputs.settings().outDir());
      if (recorded.line() != null) {
        summary.add(recorded.line());
      }
      if (recorded.warning() != null) {
        diagnostics.add(recorded.warning());
      }
    }
    return Outcome.of(new TextReport(image.json(), image.text(), summary), diagnostics);
  }

  @Override
  public Outcome<TextReport> verify(ImageVerifyRequest request) {
    Outcome<VerifyFlow.Verification> verified =
        flows
            .verification()
            .verify(
                read(request.profile()),
                request.profile(),
                request.assetsDir(),
                request.arch(),
                request.inventory(),
                request.doctorBundles(),
                VersionMatching.valueOf(request.versionMatch().name()));
    VerifyFlow.Verification value = verified.value();
    return new Outcome<>(
        value == null
            ? null
            : new TextReport(value.json(), value.text(), value.failures(), value.summary(), false),
        verified.diagnostics(),
        verified.error());
  }

  @Override
  public Outcome<TextReport> ls(ImageLsRequest request) {
    return flows.rootfs().list(request.image(), request.path());
  }

  @Override
  public Outcome<TextReport> cat(ImageCatRequest request, OutputStream stdout) {
    return flows.rootfs().cat(request.image(), request.path(), request.out(), stdout);
  }

  @Override
  public Outcome<TextReport> test(ImageTestRequest request, BuildProgress progress) {
    return flows
        .imageTests()
        .test(
            read(request.profile()),
            request.profile(),
            request.assetsDir(),
            request.arch(),
            new ImageTestFlow.Options(
                request.timeout(), request.caCertificate(), !request.withoutGuestBinaries(), null),
            progress);
  }

  @Override
  public Outcome<ImageSboms> sbom(ImageSbomRequest request) {
    Outcome<VerifyFlow.Sboms> sboms =
        flows
            .verification()
            .sbom(
                read(request.profile()),
                request.profile(),
                request.assetsDir(),
                request.arch(),
                request.inventory(),
                request.outDir(),
                ports.clock().instant());
    if (sboms.value() == null) {
      return Outcome.failed(sboms.error(), sboms.diagnostics());
    }
    List<ImageSboms.Document> documents = new ArrayList<>();
    for (VerifyFlow.Sbom sbom : sboms.value().documents()) {
      documents.add(
          new ImageSboms.Document(
              sbom.arch(), sbom.file() == null ? null : new GivenPath(sbom.file(), sbom.shown())));
    }
    VerifyFlow.Sboms value = sboms.value();
    return Outcome.of(
        new ImageSboms(documents, value.json(), value.text(), value.summary()),
        sboms.diagnostics());
  }
}
