package dev.capsem.docker;

/** Lets tests in sub-packages reach the real engine the way this package's tests do. */
public final class RealEngineAccess {

  private RealEngineAccess() {}

  /** See {@link RealEngine#require()}: skips, or fails under CI=true, without an engine. */
  public static DockerCli require() {
    return RealEngine.require();
  }
}
