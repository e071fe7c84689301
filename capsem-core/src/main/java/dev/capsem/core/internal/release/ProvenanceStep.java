package dev.capsem.core.internal.release;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.image.ArchSelection;
import dev.capsem.core.internal.image.BuildOutcome;
import dev.capsem.core.internal.image.BuildSettings;
import dev.capsem.core.internal.image.BuilderVersion;
import dev.capsem.core.internal.io.Sha256;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.provenance.BuildParameters;
import dev.capsem.core.internal.provenance.Dependency;
import dev.capsem.core.internal.provenance.Dsse;
import dev.capsem.core.internal.provenance.Provenance;
import dev.capsem.core.internal.provenance.ProvenanceInputs;
import dev.capsem.core.internal.provenance.Statement;
import dev.capsem.core.internal.provenance.Subject;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.ports.OciReference;
import dev.capsem.core.ports.SigningException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The release's SLSA v1 provenance ({@code release-provenance.json}): an in-toto statement whose
 * subjects are every published file (by its name in the release folder, with sha256 and BLAKE3) and
 * whose predicate names the builder and its version, the profile's and the lock's digests, the base
 * images and kernel source by digest, the guest kit's version when it supplied inputs, the build
 * parameters and the start and finish times, in a DSSE envelope signed with the release key. An
 * unsigned snapshot has none (W602), and keeps no stale one.
 */
final class ProvenanceStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.PACKAGE;
  }

  @Override
  public void run(ReleaseRun run) {
    if (run.config.build().dryRun()) {
      return;
    }
    GivenPath envelope = run.layout().provenance();
    if (!run.signed) {
      try {
        Files.deleteIfExists(envelope.path());
      } catch (IOException e) {
        run.stop("cannot remove a stale provenance: " + e.getMessage(), List.of());
      }
      String why = "no provenance (not signed): " + run.config.signing().missingHint();
      run.diagnostics.add(Diagnostic.of(Code.W602, null, "", null, why));
      run.progress.warning(why);
      return;
    }
    run.conclude("release-provenance.json", provenance(run, envelope));
    run.files.add(new ReleaseFile(envelope, "provenance", "intoto.jsonl", false));
  }

  private static Outcome<TextReport> provenance(ReleaseRun run, GivenPath envelope) {
    String shown = PythonPath.normalize(envelope.shown());
    ProvenanceInputs inputs;
    try {
      inputs = inputs(run);
    } catch (IOException e) {
      return Outcome.failed("cannot state the provenance: " + e.getMessage(), List.of());
    }
    byte[] statement = Statement.bytes(inputs);
    boolean kept;
    String keyId;
    try {
      byte[] publicKey = Files.readAllBytes(run.layout().publicKey().path());
      Optional<String> unchanged =
          Provenance.unchanged(envelope.path(), statement, publicKey, run.tools.rawVerifier());
      kept = unchanged.isPresent();
      if (kept) {
        keyId = unchanged.get();
      } else {
        Dsse.Envelope signed = Provenance.write(inputs, run.key.open(), envelope.path());
        keyId = signed.signatures().get(0).keyid();
      }
    } catch (SigningException e) {
      return Outcome.failed("cannot sign the provenance: " + e.getMessage(), List.of());
    } catch (IOException e) {
      return Outcome.failed("cannot write " + shown + ": " + e.getMessage(), List.of());
    }
    String json =
        JsonPrinter.pretty()
            .printLine(
                ObjectNode.builder()
                    .put("schema", "capsem.release-provenance.v1")
                    .put("ok", true)
                    .put("path", shown)
                    .put("status", kept ? "kept" : "signed")
                    .put("key_id", keyId == null ? "" : keyId)
                    .put("builder_id", inputs.builderId())
                    .put("subjects", inputs.subjects().size())
                    .put("sha256", Sha256.hex(statement))
                    .build());
    List<String> summary =
        List.of(
            "provenance: "
                + shown
                + " ("
                + inputs.subjects().size()
                + " subjects, builder "
                + inputs.builderId()
                + (kept ? ", unchanged: the key was not opened)" : ", signed)"));
    return Outcome.of(new TextReport(json, TextReport.lines(summary), summary));
  }

  /** What the statement says, from the release's files, configuration and build. */
  private static ProvenanceInputs inputs(ReleaseRun run) throws IOException {
    List<Subject> subjects = new ArrayList<>();
    for (ReleaseFile file : run.files) {
      subjects.add(
          new Subject(
              ReleaseBundle.name(run.layout(), file.file()),
              Sha256.hexOfFile(file.file().path()),
              run.tools.hasher().hexOfFile(file.file().path())));
    }
    ReleaseConfig config = run.config;
    BuildSettings build = config.build();
    String profileSha256 = Sha256.hex(run.tools.files().read(config.profile().path()));
    List<String> arches = ArchSelection.of(config.arch());
    BuildParameters parameters =
        new BuildParameters(
            PythonPath.normalize(config.profile().shown()), profileSha256, arches, options(build));
    Map<String, String> internal = new LinkedHashMap<>();
    internal.put("SOURCE_DATE_EPOCH", Long.toString(run.startedOn.getEpochSecond()));
    List<Dependency> dependencies = new ArrayList<>();
    if (run.build != null) {
      for (BuildOutcome.BaseImage image : run.build.baseImages()) {
        Dependency base =
            Dependency.baseImage(
                OciReference.parse(image.image().reference()),
                image.image().digest(),
                image.image().source());
        if (!dependencies.contains(base)) {
          dependencies.add(base);
        }
      }
      BuildOutcome.KernelUsed kernel = run.build.kernel();
      if (kernel != null && kernel.sha256() != null) {
        dependencies.add(
            Dependency.kernelSource(kernel.source(), kernel.sha256(), kernel.version()));
      }
    }
    // The kit's files are inputs too; its version names them (they ship inside capsem-java).
    config
        .sources()
        .kitVersion()
        .ifPresent(version -> dependencies.add(Dependency.guestKit(version)));
    if (build.locked()) {
      dependencies.add(
          Dependency.lockFile(
              build.lockFile().path().getFileName().toString(),
              Sha256.hexOfFile(build.lockFile().path())));
    }
    Instant finished = run.tools.clock().instant();
    String invocation = config.provenance().invocationId();
    if (invocation == null) {
      invocation = derivedInvocation(profileSha256, subjects, run.startedOn);
    }
    return new ProvenanceInputs(
        subjects,
        parameters,
        internal,
        dependencies,
        config.provenance().builderId(),
        Map.of(BuilderVersion.NAME, BuilderVersion.version()),
        invocation,
        run.startedOn,
        finished.isBefore(run.startedOn) ? run.startedOn : finished);
  }

  /** The build options that change the output, as the external parameters list them. */
  private static Map<String, String> options(BuildSettings build) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("template", build.template().id());
    options.put("binary_version", build.binaryVersion());
    options.put("node_source", build.sources().node());
    options.put(
        "uv_installer",
        build.sources().uvInstaller() == null ? "none" : build.sources().uvInstaller().toString());
    if (build.sources().pythonIndex() != null) {
      options.put("python_index", build.sources().pythonIndex().toString());
    }
    if (build.sources().pythonWheels() != null) {
      options.put("python_wheels", PythonPath.normalize(build.sources().pythonWheels().shown()));
    }
    if (build.kernelSource().version() != null) {
      options.put("kernel_version", build.kernelSource().version());
    }
    if (build.kernelSource().url() != null) {
      options.put("kernel_url", build.kernelSource().url().toString());
    }
    options.put("guest_binaries", build.guestBinaries().omitted() ? "omitted" : "included");
    options.put("no_cache", Boolean.toString(build.noCache()));
    if (build.locked()) {
      options.put("lock", PythonPath.normalize(build.lockFile().shown()));
    }
    return options;
  }

  /** An id for a run no CI named: the same inputs and start give the same id. */
  private static String derivedInvocation(
      String profileSha256, List<Subject> subjects, Instant started) {
    StringBuilder text = new StringBuilder(profileSha256).append('\n').append(started);
    subjects.forEach(subject -> text.append('\n').append(subject.sha256()));
    return "urn:capsem:release:"
        + Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
  }
}
