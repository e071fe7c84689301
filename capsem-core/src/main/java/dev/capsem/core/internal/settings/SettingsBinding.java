package dev.capsem.core.internal.settings;

import static dev.capsem.core.internal.json.Nodes.bool;
import static dev.capsem.core.internal.json.Nodes.integer;
import static dev.capsem.core.internal.json.Nodes.string;
import static dev.capsem.core.internal.json.Nodes.stringMap;
import static dev.capsem.core.internal.json.Nodes.strings;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the typed {@link ServiceSettings} view from a document the schema has normalised. */
final class SettingsBinding {

  private SettingsBinding() {}

  static ServiceSettings bind(ObjectNode doc) {
    ObjectNode app = doc.object("app");
    ObjectNode appearance = app.object("appearance");
    ObjectNode profiles = doc.object("profiles");
    ObjectNode assets = doc.object("assets");
    ObjectNode credentials = doc.object("credentials");
    Map<String, CredentialSettings.Credential> items = new LinkedHashMap<>();
    for (ObjectNode.Member member : credentials.object("items").entries()) {
      ObjectNode item = (ObjectNode) member.value();
      items.put(
          member.key(),
          new CredentialSettings.Credential(string(item, "description"), string(item, "value")));
    }
    ObjectNode telemetry = doc.object("telemetry");
    ObjectNode remote = doc.object("remote_policy");
    ObjectNode catalog = doc.object("profile_catalog");
    List<CorpDirective> directives = new ArrayList<>();
    if (doc.get("corp_directives") instanceof ArrayNode list) {
      for (Node item : list.items()) {
        ObjectNode d = (ObjectNode) item;
        directives.add(
            new CorpDirective(
                string(d, "operation"), string(d, "path"), d.get("value"), string(d, "reason")));
      }
    }
    return new ServiceSettings(
        new AppSettings(
            bool(app, "auto_launch"),
            string(appearance, "theme"),
            string(appearance, "accent"),
            string(app, "google_config_path")),
        new ProfileRoots(
            strings(profiles, "base_dirs"),
            strings(profiles, "corp_dirs"),
            strings(profiles, "user_dirs"),
            string(profiles, "default_profile"),
            bool(profiles, "allow_user_profiles"),
            bool(profiles, "allow_user_fork"),
            bool(profiles, "allow_user_delete")),
        new AssetLocations(
            string(assets, "assets_dir"),
            strings(assets, "image_roots"),
            string(assets, "download_base_url")),
        new CredentialSettings(string(credentials, "backend"), items),
        new TelemetrySettings(
            bool(telemetry, "enabled"),
            string(telemetry, "endpoint"),
            stringMap(telemetry, "headers"),
            integer(telemetry, "batch_max_events"),
            integer(telemetry, "flush_interval_ms"),
            bool(telemetry, "redact_secrets"),
            integer(telemetry, "retry_attempts"),
            string(telemetry, "failure_mode")),
        new RemotePolicySettings(
            bool(remote, "enabled"),
            string(remote, "endpoint"),
            string(remote, "auth_token"),
            integer(remote, "timeout_ms"),
            string(remote, "failure_mode")),
        new ProfileCatalogSettings(
            string(catalog, "manifest_url"),
            string(catalog, "profile_payload_pubkey"),
            integer(catalog, "check_interval_secs")),
        directives,
        doc);
  }
}
