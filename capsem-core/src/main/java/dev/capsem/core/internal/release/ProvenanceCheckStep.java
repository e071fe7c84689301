package dev.capsem.core.internal.release;

import dev.capsem.core.diag.Outcome;
import dev.capsem.core.internal.io.Sha256;
import dev.capsem.core.internal.provenance.Expectations;
import dev.capsem.core.internal.provenance.Provenance;
import dev.capsem.core.internal.provenance.ProvenanceVerification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The provenance checked as a consumer checks it, before anything is published ({@code
 * release-provenance-verify.json}): the envelope's signature by the release's public key, every
 * subject against the release folder's file, the builder and the profile digest this release was
 * made with.
 */
final class ProvenanceCheckStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.VERIFY;
  }

  @Override
  public void run(ReleaseRun run) {
    if (run.config.build().dryRun() || !run.config.signing().present()) {
      run.result("provenance check skipped: an unsigned release has no provenance");
      return;
    }
    Path folder = run.layout().publish().path();
    Path envelope = folder.resolve(Provenance.FILE_NAME);
    if (!Files.isRegularFile(envelope)) {
      run.stop(
          "no provenance in " + run.layout().publish().shown() + ": run the package stage first",
          List.of());
    }
    ProvenanceVerification verified;
    try {
      verified =
          Provenance.verify(
              Files.readAllBytes(envelope),
              run.layout().publish().resolve(Provenance.FILE_NAME).shown(),
              Files.readAllBytes(run.layout().publicKey().path()),
              folder,
              new Expectations(
                  run.config.provenance().builderId(),
                  Sha256.hex(run.tools.files().read(run.config.profile().path()))),
              run.tools.hasher(),
              run.tools.rawVerifier());
    } catch (IOException e) {
      run.stop("cannot read the provenance: " + e.getMessage(), List.of());
      return;
    }
    run.conclude(
        "release-provenance-verify.json",
        Outcome.checked(
            verified, verified.ok(), verified.diagnostics(), "the provenance does not verify"));
  }
}
