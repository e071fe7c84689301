package dev.capsem.core.internal.detection;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.Node;

/**
 * Where a Sigma source's findings are reported: its YAML's file (the pack, or a file of its own)
 * and the source's path in the pack ({@code sources.2}).
 */
record SigmaPlace(SigmaOrigin origin, String sourcePath) {

  /** A failure at {@code node} of the Sigma YAML. */
  SigmaFailure at(Code code, Node node, String message) {
    Position inSigma = node == null ? null : node.position();
    return new SigmaFailure(
        new Diagnostic(code, origin.file(), sourcePath, origin.at(inSigma), message));
  }

  /** A failure at a position of the Sigma YAML. */
  SigmaFailure at(Code code, Position inSigma, String message) {
    return new SigmaFailure(
        new Diagnostic(code, origin.file(), sourcePath, origin.at(inSigma), message));
  }
}
