package dev.capsem.core.internal.settings;

import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;

/**
 * Valid Service Settings V2: the typed view that the rest of the domain reads, and the normalised
 * document (declaration order, defaults filled in) that upstream-compatible writers print.
 */
public record ServiceSettings(
    AppSettings app,
    ProfileRoots profiles,
    AssetLocations assets,
    CredentialSettings credentials,
    TelemetrySettings telemetry,
    RemotePolicySettings remotePolicy,
    ProfileCatalogSettings profileCatalog,
    List<CorpDirective> corpDirectives,
    ObjectNode document) {

  public ServiceSettings {
    corpDirectives = List.copyOf(corpDirectives);
  }
}
