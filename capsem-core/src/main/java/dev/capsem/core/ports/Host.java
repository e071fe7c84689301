package dev.capsem.core.ports;

import java.util.Locale;
import java.util.Map;

/**
 * Facts about the machine the domain runs for, supplied by the driving adapter so that the core
 * reads no ambient state: the operating system and the environment variables.
 */
public record Host(String osName, Map<String, String> environment) {

  public Host {
    environment = Map.copyOf(environment);
  }

  public boolean isMac() {
    return osName.toLowerCase(Locale.ROOT).startsWith("mac");
  }

  public boolean isWindows() {
    return osName.toLowerCase(Locale.ROOT).startsWith("windows");
  }
}
