package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.Position;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.image.rootfs.Rootfs;
import dev.capsem.core.internal.image.sbom.GuestSbom;
import dev.capsem.core.internal.image.verify.DoctorBundleProbe;
import dev.capsem.core.internal.image.verify.DoctorBundleReader;
import dev.capsem.core.internal.image.verify.ImageVerificationReport;
import dev.capsem.core.internal.image.verify.ImageVerifier;
import dev.capsem.core.internal.image.verify.InventoryLocator;
import dev.capsem.core.internal.image.verify.LocatedInventory;
import dev.capsem.core.internal.image.verify.VerificationInputException;
import dev.capsem.core.internal.image.version.VersionMatching;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.internal.squashfs.SquashfsException;
import dev.capsem.core.ports.FileAccess;
import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code image verify} and {@code image sbom} on a profile read once: the built assets (present,
 * size, BLAKE3), the inventories and doctor bundles against the profile's contract, and the SPDX
 * document of each architecture.
 */
public final class VerifyFlow {

  private final Hasher hasher;
  private final FileAccess files;
  private final RootfsEvidence evidence;

  /**
   * @param rootfs reads the rootfs squashfs, when the assets hold one, for the SBOM and the
   *     inventory's cross-check
   */
  public VerifyFlow(Hasher hasher, FileAccess files, Rootfs rootfs) {
    this.hasher = hasher;
    this.files = files;
    this.evidence = new RootfsEvidence(rootfs);
  }

  /** A loaded profile and its selected architectures, or why there is none. */
  private record Selected(
      Profile profile, List<String> arches, String error, List<Diagnostic> diagnostics) {}

  private static Selected select(ProfileCheck check, GivenPath file, String arch) {
    if (check.profile() == null) {
      return new Selected(
          null,
          List.of(),
          "invalid profile " + PythonPath.normalize(file.shown()),
          check.diagnostics().stream().filter(Diagnostic::isError).toList());
    }
    Diagnostic missing = ArchSelection.missingAssets(check.profile(), arch, file.shown());
    if (missing != null) {
      return new Selected(null, List.of(), missing.message(), List.of(missing));
    }
    return new Selected(check.profile(), ArchSelection.of(check.profile(), arch), null, List.of());
  }

  /**
   * Checks assets, inventories and doctor bundles; the outcome fails when anything does.
   *
   * @param inventory an inventory file or folder, or null for {@code <assets>/<arch>/}
   */
  public Outcome<Verification> verify(
      ProfileCheck check,
      GivenPath profile,
      GivenPath assetsDir,
      String arch,
      GivenPath inventory,
      List<GivenPath> doctorBundles,
      VersionMatching matching) {
    Selected selected = select(check, profile, arch);
    if (selected.profile() == null) {
      return Outcome.failed(selected.error(), selected.diagnostics());
    }
    List<Diagnostic> ranges = rangeProblems(selected.profile(), profile.shown(), matching);
    if (!ranges.isEmpty()) {
      return Outcome.failed(
          "invalid version ranges in profile " + PythonPath.normalize(profile.shown()), ranges);
    }
    ImageVerificationReport report;
    Map<String, LocatedInventory> inventories;
    try {
      inventories = locate(selected.arches(), assetsDir, inventory);
      List<DoctorBundleProbe> probes = new ArrayList<>();
      for (GivenPath bundle : doctorBundles) {
        probes.add(DoctorBundleReader.read(bundle.path(), PythonPath.normalize(bundle.shown())));
      }
      report =
          new ImageVerifier(hasher, matching)
              .verify(
                  selected.profile(),
                  selected.arches(),
                  assetsDir.path(),
                  assetsDir.shown(),
                  inventories,
                  probes);
    } catch (VerificationInputException e) {
      return Outcome.failed(e.getMessage(), e.diagnostics());
    }
    List<RootfsEvidence.Located> rootfses = rootfses(selected, assetsDir);
    List<Diagnostic> findings = evidence.crossCheck(rootfses, inventories);
    int problems = report.failureLines().size() + findings.size();
    return Outcome.checked(
        new Verification(report, profile.shown(), rootfses, findings),
        report.ok(),
        findings,
        "image verification failed: " + problems + (problems == 1 ? " problem" : " problems"));
  }

  private static List<RootfsEvidence.Located> rootfses(Selected selected, GivenPath assetsDir) {
    List<RootfsEvidence.Located> out = new ArrayList<>();
    for (String arch : selected.arches()) {
      RootfsEvidence.locate(selected.profile(), arch, assetsDir.path(), assetsDir.shown())
          .ifPresent(out::add);
    }
    return out;
  }

  /**
   * A verification's report as the command line and the logs show it.
   *
   * @param rootfses the rootfs images read for the cross-check (none when the assets hold none)
   * @param findings E537 (and unreadable images) from that cross-check
   */
  public record Verification(
      ImageVerificationReport report,
      String profileShown,
      List<RootfsEvidence.Located> rootfses,
      List<Diagnostic> findings)
      implements dev.capsem.core.diag.Report {

    public Verification {
      rootfses = List.copyOf(rootfses);
      findings = List.copyOf(findings);
    }

    /**
     * Upstream's report; when a rootfs was read, {@code rootfs_checks} adds one row per image with
     * its disagreements, and {@code ok} counts them.
     */
    @Override
    public String json() {
      ObjectNode json = report.toJson();
      if (!rootfses.isEmpty()) {
        List<Node> rows = new ArrayList<>();
        for (RootfsEvidence.Located each : rootfses) {
          List<Node> problems = new ArrayList<>();
          for (Diagnostic finding : findings) {
            if (finding.message().startsWith(each.arch() + "/")
                || each.shown().equals(finding.file())) {
              problems.add(StringNode.of(finding.message()));
            }
          }
          rows.add(
              ObjectNode.builder()
                  .put("arch", each.arch())
                  .put("path", each.shown())
                  .put("ok", BooleanNode.of(problems.isEmpty()))
                  .put("problems", ArrayNode.of(problems))
                  .build());
        }
        json =
            json.with("rootfs_checks", ArrayNode.of(rows))
                .with("ok", BooleanNode.of(report.ok() && findings.isEmpty()));
      }
      return JsonPrinter.pretty().printLine(json);
    }

    @Override
    public String text() {
      return TextReport.lines(report.summaryLines());
    }

    @Override
    public List<String> failures() {
      return report.failureLines();
    }

    @Override
    public List<String> summary() {
      List<String> summary = new ArrayList<>(report.summaryLines());
      if (!rootfses.isEmpty()) {
        summary.add(
            "rootfs cross-check: "
                + (findings.isEmpty() ? "inventory agrees" : findings.size() + " disagreements"));
      }
      if (report.ok() && findings.isEmpty()) {
        summary.add("image verified against " + profileShown);
      }
      return summary;
    }
  }

  /** The SPDX 2.3 documents of the selected architectures, dated {@code created}. */
  public record Sboms(List<Sbom> documents, String text) implements dev.capsem.core.diag.Report {

    public Sboms {
      documents = List.copyOf(documents);
    }

    /** {@code capsem.image-sbom.v1}: each architecture's document and where it was written. */
    @Override
    public String json() {
      List<Node> rows = new ArrayList<>();
      for (Sbom document : documents) {
        ObjectNode.Builder row = ObjectNode.builder().put("arch", document.arch());
        row.put("path", document.shown() == null ? "-" : document.shown());
        rows.add(row.build());
      }
      return JsonPrinter.pretty()
          .printLine(
              ObjectNode.builder()
                  .put("schema", "capsem.image-sbom.v1")
                  .put("ok", BooleanNode.of(true))
                  .put("documents", ArrayNode.of(rows))
                  .build());
    }

    @Override
    public List<String> summary() {
      return documents.stream().map(d -> "wrote " + d.shown()).toList();
    }
  }

  /**
   * One SPDX document.
   *
   * @param file where it was written, or null when it is printed
   * @param shown that file as the user named the folder
   * @param json the document with its trailing newline
   */
  public record Sbom(String arch, Path file, String shown, String json) {}

  /**
   * Writes {@code <outDir>/<arch>/guest-sbom.spdx.json} per architecture, or returns the one
   * document of a single architecture for printing when {@code outDir} is null.
   */
  public Outcome<Sboms> sbom(
      ProfileCheck check,
      GivenPath profile,
      GivenPath assetsDir,
      String arch,
      GivenPath inventory,
      GivenPath outDir,
      Instant created) {
    Selected selected = select(check, profile, arch);
    if (selected.profile() == null) {
      return Outcome.failed(selected.error(), selected.diagnostics());
    }
    Map<String, LocatedInventory> inventories;
    try {
      inventories = locate(selected.arches(), assetsDir, inventory);
    } catch (VerificationInputException e) {
      return Outcome.failed(e.getMessage(), e.diagnostics());
    }
    Map<String, RootfsEvidence.Located> rootfses = new HashMap<>();
    for (RootfsEvidence.Located each : rootfses(selected, assetsDir)) {
      rootfses.put(each.arch(), each);
    }
    List<String> missing =
        selected.arches().stream()
            .filter(a -> !inventories.containsKey(a) && !rootfses.containsKey(a))
            .toList();
    if (!missing.isEmpty()) {
      return Outcome.failed(
          "missing image inventory for arch(es): " + String.join(", ", missing), List.of());
    }
    Profile read = selected.profile();
    String contract = PackageContractHash.of(read, hasher);
    List<Sbom> documents = new ArrayList<>();
    for (String each : selected.arches()) {
      String json;
      if (rootfses.containsKey(each)) {
        try {
          json = evidence.sbom(read, contract, rootfses.get(each), assetsDir.path(), created);
        } catch (SquashfsException e) {
          String shown = rootfses.get(each).shown();
          return Outcome.failed(
              e.getMessage(), List.of(new Diagnostic(e.code(), shown, "", null, e.getMessage())));
        } catch (IOException e) {
          return Outcome.failed(
              "cannot read " + rootfses.get(each).shown() + ": " + e.getMessage(), List.of());
        }
      } else {
        json =
            GuestSbom.json(
                read.id(),
                read.revision(),
                contract,
                each,
                inventories.get(each).inventory(),
                created);
      }
      documents.add(new Sbom(each, null, null, json));
    }
    if (outDir == null) {
      if (documents.size() != 1) {
        return Outcome.failed(
            "all-arch SBOM output requires --out-dir or a single --arch", List.of());
      }
      return Outcome.of(new Sboms(documents, documents.get(0).json()));
    }
    return write(documents, outDir);
  }

  /** Checks every target first, then writes each document atomically. */
  private Outcome<Sboms> write(List<Sbom> documents, GivenPath outDir) {
    List<Sbom> written = new ArrayList<>();
    for (Sbom document : documents) {
      String relative = GuestSbom.relativePath(document.arch());
      Path target = outDir.path().resolve(relative);
      String shown = PythonPath.normalize(outDir.shown() + "/" + relative);
      if (files.isDirectory(target)) {
        return Outcome.failed("cannot write " + shown + ": it is a directory", List.of());
      }
      written.add(new Sbom(document.arch(), target, shown, document.json()));
    }
    for (Sbom document : written) {
      try {
        files.writeText(document.file(), document.json());
      } catch (IOException e) {
        return Outcome.failed(
            "cannot write " + document.shown() + ": " + e.getMessage(), List.of());
      }
    }
    return Outcome.of(
        new Sboms(
            written,
            "wrote "
                + written.size()
                + " SBOMs to "
                + PythonPath.normalize(outDir.shown())
                + "\n"));
  }

  private static Map<String, LocatedInventory> locate(
      List<String> arches, GivenPath assetsDir, GivenPath inventory) {
    return InventoryLocator.locate(
        arches,
        assetsDir.path(),
        assetsDir.shown(),
        inventory == null ? null : inventory.path(),
        inventory == null ? null : inventory.shown());
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
