package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.diag.GivenPath;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code capsem-admin hash FILE...}: BLAKE3 lines exactly as {@code b3sum} prints them. */
@Command(name = "hash", description = "Print the BLAKE3 of each file, as b3sum does.")
final class HashCommand extends CapsemCommand {

  private static final Path STDIN = Path.of("/dev/stdin");

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description =
          "The files to hash; - is standard input (FIFOs and /proc files are read whole).")
  List<String> files;

  @Option(names = "--json", description = "Print the hashes as a JSON report.")
  boolean json;

  HashCommand(Capsem capsem) {
    super(capsem);
  }

  @Override
  public Integer call() {
    // "-" is standard input, as for b3sum; the line still names it "-".
    return print(
        capsem
            .signing()
            .hash(
                files.stream()
                    .map(f -> f.equals("-") ? new GivenPath(STDIN, "-") : GivenPath.of(f))
                    .toList()),
        json);
  }
}
