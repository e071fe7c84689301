package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A leaf command that calls one capsem-core use case. */
abstract class CapsemCommand extends CommandSupport implements Callable<Integer> {

  @Spec CommandSpec spec;

  final Capsem capsem;

  CapsemCommand(Capsem capsem) {
    this.capsem = capsem;
  }

  @Override
  final CommandSpec spec() {
    return spec;
  }
}
