package dev.capsem.core.api;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.image.ArchSelection;
import dev.capsem.core.internal.image.PackageContractHash;
import dev.capsem.core.internal.image.sbom.GuestSbom;
import dev.capsem.core.internal.image.verify.DoctorBundleProbe;
import dev.capsem.core.internal.image.verify.DoctorBundleReader;
import dev.capsem.core.internal.image.verify.ImageVerifier;
import dev.capsem.core.internal.image.verify.InventoryLocator;
import dev.capsem.core.internal.image.verify.LocatedInventory;
import dev.capsem.core.internal.image.verify.VerificationInputException;
import dev.capsem.core.internal.image.version.VersionMatching;
import dev.capsem.core.internal.io.AtomicFiles;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.report.PythonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Image verification and SBOMs over the domain's {@code image.verify} and {@code image.sbom}. */
final class ImageVerificationService implements ImageVerificationUseCases {

  private final Ports ports;

  ImageVerificationService(Ports ports) {
    this.ports = ports;
  }

  /** A loaded profile and its selected architectures, or why there is none. */
  private record Planned(
      Profile profile, List<String> arches, String error, List<Diagnostic> diagnostics) {}

  @Override
  public ImageVerification verify(ImageVerifyRequest request) {
    Planned planned = plan(request.profile(), request.arch());
    if (planned.profile() == null) {
      return ImageVerification.refused(planned.error(), planned.diagnostics());
    }
    List<Diagnostic> ranges =
        rangeProblems(planned.profile(), request.profile().asGiven(), request.versionMatching());
    if (!ranges.isEmpty()) {
      return ImageVerification.refused(
          "invalid version ranges in profile " + PythonPath.normalize(request.profile().asGiven()),
          ranges);
    }
    try {
      Map<String, LocatedInventory> inventories =
          locate(planned.arches(), request.assetsDir(), request.inventory());
      List<DoctorBundleProbe> probes = new ArrayList<>();
      for (GivenPath bundle : request.doctorBundles()) {
        probes.add(DoctorBundleReader.read(bundle.path(), PythonPath.normalize(bundle.asGiven())));
      }
      return ImageVerification.of(
          new ImageVerifier(ports.hasher(), request.versionMatching())
              .verify(
                  planned.profile(),
                  planned.arches(),
                  request.assetsDir().path(),
                  request.assetsDir().asGiven(),
                  inventories,
                  probes));
    } catch (VerificationInputException e) {
      return ImageVerification.refused(e.getMessage(), e.diagnostics());
    }
  }

  @Override
  public ImageSboms sbom(ImageSbomRequest request) {
    Planned planned = plan(request.profile(), request.arch());
    if (planned.profile() == null) {
      return ImageSboms.refused(planned.error(), planned.diagnostics());
    }
    Map<String, LocatedInventory> inventories;
    try {
      inventories = locate(planned.arches(), request.assetsDir(), request.inventory());
    } catch (VerificationInputException e) {
      return ImageSboms.refused(e.getMessage(), e.diagnostics());
    }
    List<String> missing =
        planned.arches().stream().filter(arch -> !inventories.containsKey(arch)).toList();
    if (!missing.isEmpty()) {
      return ImageSboms.refused(
          "missing image inventory for arch(es): " + String.join(", ", missing), List.of());
    }
    Profile profile = planned.profile();
    String contract = PackageContractHash.of(profile, ports.hasher());
    List<ImageSboms.Document> documents = new ArrayList<>();
    for (String arch : planned.arches()) {
      String json =
          GuestSbom.json(
              profile.id(),
              profile.revision(),
              contract,
              arch,
              inventories.get(arch).inventory(),
              ports.clock().instant());
      documents.add(new ImageSboms.Document(arch, null, null, json));
    }
    if (request.outDir() == null) {
      if (documents.size() != 1) {
        return ImageSboms.refused(
            "all-arch SBOM output requires --out-dir or a single --arch", List.of());
      }
      return new ImageSboms(documents, documents.get(0).json(), null, List.of());
    }
    return write(documents, request.outDir());
  }

  /** Checks every target first, then writes each document atomically. */
  private static ImageSboms write(List<ImageSboms.Document> documents, GivenPath outDir) {
    List<ImageSboms.Document> written = new ArrayList<>();
    for (ImageSboms.Document document : documents) {
      String relative = GuestSbom.relativePath(document.arch());
      Path target = outDir.path().resolve(relative);
      String shown = PythonPath.normalize(outDir.asGiven() + "/" + relative);
      if (Files.isDirectory(target)) {
        return ImageSboms.refused("cannot write " + shown + ": it is a directory", List.of());
      }
      written.add(new ImageSboms.Document(document.arch(), target, shown, document.json()));
    }
    for (ImageSboms.Document document : written) {
      try {
        Files.createDirectories(document.file().getParent());
        AtomicFiles.writeString(document.file(), document.json());
      } catch (IOException e) {
        return ImageSboms.refused(
            "cannot write " + document.shownAs() + ": " + e.getMessage(), List.of());
      }
    }
    return new ImageSboms(
        written,
        "wrote " + written.size() + " SBOMs to " + PythonPath.normalize(outDir.asGiven()) + "\n",
        null,
        List.of());
  }

  private Planned plan(GivenPath profileFile, String arch) {
    ProfileCheck check = ProfileReader.readForOutputs(profileFile.path(), profileFile.asGiven());
    if (check.profile() == null) {
      return new Planned(
          null,
          List.of(),
          "invalid profile " + PythonPath.normalize(profileFile.asGiven()),
          check.diagnostics().stream().filter(Diagnostic::isError).toList());
    }
    Diagnostic missing = ArchSelection.missingAssets(check.profile(), arch, profileFile.asGiven());
    if (missing != null) {
      return new Planned(null, List.of(), missing.message(), List.of(missing));
    }
    return new Planned(check.profile(), ArchSelection.of(arch), null, List.of());
  }

  private static Map<String, LocatedInventory> locate(
      List<String> arches, GivenPath assetsDir, GivenPath inventory) {
    return InventoryLocator.locate(
        arches,
        assetsDir.path(),
        assetsDir.asGiven(),
        inventory == null ? null : inventory.path(),
        inventory == null ? null : inventory.asGiven());
  }

  /** E108 for every expected version the matching rule cannot use, where the profile says it. */
  private static List<Diagnostic> rangeProblems(
      Profile profile, String file, VersionMatching matching) {
    List<Diagnostic> problems = new ArrayList<>();
    ObjectNode packages = profile.document().object("packages");
    check(
        problems,
        matching,
        "apt",
        profile.packages().apt(),
        packages.object("system").object("apt"),
        "packages.system.apt",
        file);
    check(
        problems,
        matching,
        "python",
        profile.packages().pythonModules(),
        packages.object("python_modules"),
        "packages.python_modules",
        file);
    check(
        problems,
        matching,
        "node",
        profile.packages().nodePackages(),
        packages.object("node_packages"),
        "packages.node_packages",
        file);
    ObjectNode tools = profile.document().object("tools");
    profile
        .tools()
        .forEach(
            (name, tool) -> {
              String problem = tool.required() ? matching.problem("tool", tool.version()) : null;
              if (problem != null) {
                Node at = tools.object(name).get("version");
                problems.add(
                    new Diagnostic(
                        Code.E108, file, "tools." + name + ".version", position(at), problem));
              }
            });
    return problems;
  }

  private static void check(
      List<Diagnostic> problems,
      VersionMatching matching,
      String kind,
      Map<String, String> expected,
      ObjectNode declared,
      String path,
      String file) {
    expected.forEach(
        (name, version) -> {
          String problem = matching.problem(kind, version);
          if (problem != null) {
            problems.add(
                new Diagnostic(
                    Code.E108, file, path + "." + name, position(declared.get(name)), problem));
          }
        });
  }

  private static Position position(Node node) {
    return node == null ? null : node.position();
  }
}
