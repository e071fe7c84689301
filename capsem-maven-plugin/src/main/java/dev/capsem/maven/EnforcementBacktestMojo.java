package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Replays a JSONL corpus of recorded events through the enforcement rules and fails the build when
 * the backtest fails or its report differs from the expected one.
 */
@Mojo(name = "enforcement-backtest", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public final class EnforcementBacktestMojo extends AbstractCapsemMojo {

  /**
   * The enforcement file (JSON when it ends in {@code .json}, TOML otherwise).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.enforcementPack",
      defaultValue = "${project.basedir}/security/enforcement.toml")
  File enforcementPack;

  /**
   * The corpus: one {@code capsem.policy-context-fixture.v1} object per line.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.events", defaultValue = "${project.basedir}/security/events.jsonl")
  File events;

  /**
   * The report the backtest must give ({@code timing} left out); not compared when the file does
   * not exist.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.enforcementExpected",
      defaultValue = "${project.basedir}/security/enforcement-backtest.expected.json")
  File expectedReport;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    conclude(
        capsem
            .enforcement()
            .backtest(
                required(enforcementPack, "enforcement file", "enforcementPack"),
                required(events, "events corpus", "events"),
                ifPresent(expectedReport)),
        "enforcement-backtest.json");
  }
}
