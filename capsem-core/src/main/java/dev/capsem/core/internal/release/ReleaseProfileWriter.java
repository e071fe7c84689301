package dev.capsem.core.internal.release;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.image.ArchSelection;
import dev.capsem.core.internal.image.ReleaseProfile;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.manifest.AssetManifestCheck;
import dev.capsem.core.internal.manifest.AssetManifestReader;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.ports.FileAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a release profile: the source profile whose {@code vm.assets} describe exactly the built
 * assets of the selected architectures, URLs under the asset base URL (the assets folder's own
 * {@code file://} URL without one), hashes and sizes from the build's asset manifest. The result is
 * read back as a profile before it is written, so that no invalid release profile is published.
 */
final class ReleaseProfileWriter {

  private ReleaseProfileWriter() {}

  /**
   * @param source the source profile as read, and where it came from
   * @param assetBaseUrl where the assets folder is published, or null
   * @param out the release profile to write ({@code .json})
   */
  static Outcome<TextReport> write(
      Profile profile,
      GivenPath source,
      GivenPath assets,
      String arch,
      String assetBaseUrl,
      GivenPath out,
      FileAccess files) {

    GivenPath manifest = assets.resolve("manifest.json");
    String manifestShown = PythonPath.normalize(manifest.shown());
    if (!files.isFile(manifest.path())) {
      return Outcome.failed(
          "no asset manifest " + manifestShown + ": build the image first",
          List.of(
              new Diagnostic(
                  Code.E016,
                  manifestShown,
                  "",
                  null,
                  "Missing required file: manifest.json (the image build writes it)")));
    }
    AssetManifestCheck read = AssetManifestReader.read(manifest.path(), manifestShown);
    if (!read.ok()) {
      return Outcome.failed("invalid asset manifest " + manifestShown, read.diagnostics());
    }
    String base =
        assetBaseUrl == null
            ? ReleaseProfile.fileUrl(assets.path())
            : assetBaseUrl.strip().replaceAll("/+$", "");
    ReleaseProfile.Derived derived =
        ReleaseProfile.derive(
            profile, read.manifest(), manifestShown, ArchSelection.of(arch), base);
    if (!derived.ok()) {
      return Outcome.failed(
          "the asset manifest " + manifestShown + " lacks assets the release needs",
          derived.problems());
    }
    String outShown = PythonPath.normalize(out.shown());
    byte[] bytes = derived.json().getBytes(StandardCharsets.UTF_8);
    ProfileCheck again = ProfileReader.check(InputDocument.parse(bytes, outShown, true), outShown);
    if (!again.ok()) {
      return Outcome.failed(
          "the release profile would be invalid (check the asset base URL)", again.diagnostics());
    }
    try {
      files.write(out.path(), bytes);
    } catch (IOException e) {
      return Outcome.failed("cannot write " + outShown + ": " + e.getMessage(), List.of());
    }
    List<String> arches = new ArrayList<>();
    derived
        .assets()
        .forEach(
            a -> {
              if (!arches.contains(a.arch())) {
                arches.add(a.arch());
              }
            });
    String json =
        JsonPrinter.pretty()
            .printLine(
                ReleaseProfile.report(
                    profile, PythonPath.normalize(source.shown()), outShown, base, derived));
    return Outcome.of(
        new TextReport(
            json,
            "",
            List.of(
                "describes: "
                    + String.join(", ", arches)
                    + " of asset release "
                    + derived.assetVersion()
                    + " at "
                    + base,
                "release profile: " + outShown + " (" + profile.reference() + ")")));
  }
}
