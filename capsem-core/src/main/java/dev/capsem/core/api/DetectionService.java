package dev.capsem.core.api;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.detection.DetectionCheck;
import dev.capsem.core.internal.detection.DetectionPackReader;
import dev.capsem.core.internal.detection.DetectionPackSchema;
import dev.capsem.core.internal.detection.DetectionRead;
import dev.capsem.core.internal.detection.DetectionReports;
import dev.capsem.core.internal.detection.SigmaCompiler;
import dev.capsem.core.internal.enforcement.EnforcementReports;
import dev.capsem.core.internal.io.AtomicFiles;
import dev.capsem.core.internal.policycontext.PolicyContextCorpus;
import dev.capsem.core.internal.report.PythonPath;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The detection use cases. */
final class DetectionService implements DetectionUseCases {

  private final Clock clock;

  DetectionService(Ports ports) {
    this.clock = ports.clock();
  }

  @Override
  public PackValidation validate(Path file, String shownAs) {
    DetectionRead read = DetectionPackReader.read(file, shownAs);
    return new PackValidation(
        read.ok(),
        read.diagnostics(),
        EnforcementReports.validation(
            EnforcementReports.VALIDATION_SCHEMA,
            shownAs,
            read.ok(),
            read.diagnostics(),
            read.ok() ? read.pack().id() : null,
            read.ok() ? read.pack().version() : null),
        read.ok()
            ? "valid: detection pack " + read.pack().id() + "@" + read.pack().version()
            : null);
  }

  @Override
  public PackReport compile(Path file, String shownAs, Path out, String outAsGiven) {
    DetectionRead read = DetectionPackReader.read(file, shownAs);
    if (!read.ok()) {
      return new PackReport(
          false,
          read.diagnostics(),
          DetectionReports.compile(null, null, outAsGiven, located(read.diagnostics())),
          "invalid detection pack " + PythonPath.normalize(shownAs),
          null);
    }
    SigmaCompiler.Compiled compiled = SigmaCompiler.compile(read.pack());
    if (!compiled.ok()) {
      return new PackReport(
          false,
          List.of(compiled.problem()),
          DetectionReports.compile(null, null, outAsGiven, List.of(compiled.problem())),
          compiled.problem().message(),
          null);
    }
    String ir = compiled.ir().text();
    if (out != null) {
      try {
        AtomicFiles.writeString(out, ir);
      } catch (IOException e) {
        Diagnostic cannotWrite =
            new Diagnostic(
                Code.E002,
                outAsGiven,
                "",
                null,
                "cannot write " + outAsGiven + ": " + e.getMessage());
        return new PackReport(
            false,
            List.of(cannotWrite),
            DetectionReports.compile(null, null, outAsGiven, List.of(cannotWrite)),
            cannotWrite.message(),
            null);
      }
    }
    return new PackReport(
        true,
        List.of(),
        DetectionReports.compile(read.pack(), compiled.ir(), outAsGiven, List.of()),
        null,
        ir);
  }

  @Override
  public PackReport check(Path file, String shownAs, Path events, String eventsShownAs) {
    Instant started = clock.instant();
    DetectionRead read = DetectionPackReader.read(file, shownAs);
    if (!read.ok()) {
      return PackReport.refused(
          "invalid detection pack " + PythonPath.normalize(shownAs), read.diagnostics());
    }
    SigmaCompiler.Compiled compiled = SigmaCompiler.compile(read.pack());
    if (!compiled.ok()) {
      return PackReport.refused(compiled.problem().message(), List.of(compiled.problem()));
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    PolicyContextCorpus corpus = PolicyContextCorpus.read(events, eventsShownAs);
    if (!corpus.ok()) {
      diagnostics.add(corpus.problem());
    }
    List<DetectionCheck.Finding> findings = DetectionCheck.run(compiled.ir(), corpus.fixtures());
    double durationMs = Duration.between(started, clock.instant()).toNanos() / 1_000_000.0;
    return new PackReport(
        diagnostics.isEmpty(),
        diagnostics,
        DetectionReports.check(
            read.pack(),
            compiled.ir(),
            corpus.fixtures().size(),
            findings,
            diagnostics,
            durationMs),
        null,
        null);
  }

  /**
   * Load findings as report strings with their location ({@code sources.0: Value error, ...}),
   * since upstream's report string carries the location too.
   */
  private static List<Diagnostic> located(List<Diagnostic> diagnostics) {
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      out.add(
          new Diagnostic(
              d.code(),
              d.file(),
              d.path(),
              d.position(),
              d.path().isEmpty() ? d.message() : d.path() + ": " + d.message()));
    }
    return out;
  }

  @Override
  public String schema() {
    return DetectionPackSchema.documentText();
  }
}
