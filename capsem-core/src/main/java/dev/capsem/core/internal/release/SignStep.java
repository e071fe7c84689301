package dev.capsem.core.internal.release;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.ports.Signer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The signatures: every published file with one key, opened only when a signature must change
 * ({@code release-sign.json}); without a key (a snapshot), no signature, and no stale one left.
 */
final class SignStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.PACKAGE;
  }

  @Override
  public void run(ReleaseRun run) {
    if (run.config.build().dryRun()) {
      return;
    }
    List<GivenPath> files = ReleaseFiles.signed(run);
    ReleaseConfig.Signing signing = run.config.signing();
    if (signing.present()) {
      Outcome<TextReport> signed =
          run.tools
              .signing()
              .signFiles(signing.key(), signing.password(), files, run.layout().publicKey());
      if (signed.diagnostics().stream().anyMatch(d -> d.code() == Code.E420)) {
        signed =
            Outcome.failed(
                "signing failed: the key "
                    + signing.key().shown()
                    + " is encrypted: "
                    + signing.passwordHint(),
                signed.diagnostics());
      }
      run.conclude("release-sign.json", signed);
      run.signed = true;
    } else {
      unsigned(run, files);
    }
    run.files.addAll(0, ReleaseFiles.published(run, run.signed));
  }

  /** A snapshot without a key: unsigned, with no stale signature left over. */
  private static void unsigned(ReleaseRun run, List<GivenPath> files) {
    try {
      for (GivenPath file : files) {
        Files.deleteIfExists(Signer.defaultSignatureFile(file.path()));
      }
      Files.deleteIfExists(run.layout().publicKey().path());
    } catch (IOException e) {
      run.stop("cannot remove a stale signature: " + e.getMessage(), List.of());
    }
    run.progress.warning(
        "not signed (SNAPSHOT): "
            + run.config.signing().missingHint()
            + "; a release version fails without it");
  }
}
