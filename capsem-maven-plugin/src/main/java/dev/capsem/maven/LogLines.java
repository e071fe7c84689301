package dev.capsem.maven;

import dev.capsem.adapters.ProgressLog;
import org.apache.maven.plugin.logging.Log;

/** Progress lines in the Maven log, prefixed {@code capsem:}, warnings at WARN. */
record LogLines(Log log) implements ProgressLog.Lines {

  @Override
  public void info(String line) {
    log.info("capsem: " + line);
  }

  @Override
  public void warn(String line) {
    log.warn("capsem: " + line);
  }
}
