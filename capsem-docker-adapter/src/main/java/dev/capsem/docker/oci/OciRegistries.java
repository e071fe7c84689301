package dev.capsem.docker.oci;

import com.google.cloud.tools.jib.api.LogEvent;
import dev.capsem.core.ports.OciRegistry;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The entry point of the registry adapter.
 *
 * <pre>{@code
 * OciRegistry registry = OciRegistries.jib(RegistryAccess.fromEnvironment(System.getenv()), log);
 * }</pre>
 */
public final class OciRegistries {

  private OciRegistries() {}

  /**
   * A registry client on jib-core with {@code access}'s credentials and trust.
   *
   * @param log receives jib's messages ({@code level: message}); warnings name HTTP fallbacks
   * @throws IOException when the trust store cannot be read
   */
  public static OciRegistry jib(RegistryAccess access, Consumer<String> log) throws IOException {
    Consumer<LogEvent> events =
        event -> {
          if (log != null && event.getLevel().compareTo(LogEvent.Level.INFO) <= 0) {
            log.accept(
                event.getLevel().name().toLowerCase(java.util.Locale.ROOT)
                    + ": "
                    + event.getMessage());
          }
        };
    return new JibRegistry(
        access, TrustContexts.of(access.trust(), access.trustPassword()), events);
  }
}
