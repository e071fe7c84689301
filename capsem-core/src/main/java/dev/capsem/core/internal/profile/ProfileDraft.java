package dev.capsem.core.internal.profile;

import dev.capsem.core.internal.json.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The fixed draft that {@code profile init} writes: no providers, no MCP servers, only the python
 * runtime, one guest tool, and placeholder assets for both architectures.
 *
 * <p>Empty strings count as "not given", as upstream tests truthiness.
 */
public record ProfileDraft(
    String id,
    String revision,
    String name,
    String description,
    String bestFor,
    String ui,
    String profileType) {

  private static final List<String> ARCHES = List.of("arm64", "x86_64");
  private static final List<String> KINDS = List.of("kernel", "initrd", "rootfs");

  /** The draft's revision when none is given: today as {@code YYYY.MMDD.1}. */
  public static String revisionFor(LocalDate today) {
    return String.format(
        Locale.ROOT,
        "%04d.%02d%02d.1",
        today.getYear(),
        today.getMonthValue(),
        today.getDayOfMonth());
  }

  /**
   * {@code corp-dev2x} → {@code Corp Dev2X}: dashes become spaces, then Python's {@code
   * str.title()}.
   */
  public static String defaultName(String id) {
    String spaced = id.replace('-', ' ');
    StringBuilder out = new StringBuilder(spaced.length());
    boolean previousCased = false;
    for (int i = 0; i < spaced.length(); i++) {
      char c = spaced.charAt(i);
      boolean cased =
          Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
      out.append(cased ? (previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
      previousCased = cased;
    }
    return out.toString();
  }

  /** Fills in every default and validates the result. */
  public ProfileCheck create(LocalDate today) {
    String type = given(profileType) ? profileType : "coding";
    String resolvedRevision = given(revision) ? revision : revisionFor(today);
    String resolvedName = given(name) ? name : defaultName(id);
    return ProfileReader.check(
        document(
            id,
            resolvedRevision,
            resolvedName,
            given(description) ? description : resolvedName + " Profile V2 draft.",
            given(bestFor) ? bestFor : "Profile-backed Capsem workspaces.",
            type,
            given(ui) ? ui : ("everyday-work".equals(type) ? "everyday" : "coding")),
        null);
  }

  /** The draft document before validation; built-in profiles start from it. */
  public static ObjectNode document(
      String id,
      String revision,
      String name,
      String description,
      String bestFor,
      String profileType,
      String ui) {
    ObjectNode.Builder assets = ObjectNode.builder();
    char placeholder = 'a';
    for (String arch : ARCHES) {
      ObjectNode.Builder archAssets = ObjectNode.builder();
      for (String kind : KINDS) {
        String url =
            "https://assets.example.invalid/capsem/profiles/"
                + id
                + "/"
                + revision
                + "/"
                + arch
                + "/"
                + kind;
        archAssets.put(
            kind,
            ObjectNode.builder()
                .put("url", url)
                .put("hash", "blake3:" + String.valueOf(placeholder).repeat(64))
                .put("signature_url", url + ".minisig")
                .put("size", 1)
                .put(
                    "content_type",
                    kind.equals("rootfs") ? "application/vnd.squashfs" : "application/octet-stream")
                .build());
        placeholder++;
      }
      assets.put(arch, archAssets.build());
    }
    return ObjectNode.builder()
        .put("schema", "capsem.profile.v2")
        .put("version", 2)
        .put("id", id)
        .put("revision", revision)
        .put("name", name)
        .put("description", description)
        .put("best_for", bestFor)
        .put("profile_type", profileType)
        .put("ui", ui)
        .put(
            "compatibility",
            ObjectNode.builder()
                .put("min_binary", "1.0.0")
                .put("max_binary", "")
                .put("guest_abi", "capsem-guest-v2")
                .build())
        .put(
            "vm",
            ObjectNode.builder()
                .put("memory_mib", 8192)
                .put("cpus", 4)
                .put("disk_mib", 32768)
                .put("network", "proxied")
                .put("track_rootfs_dependencies", true)
                .put("assets", assets.build())
                .build())
        .put(
            "packages",
            ObjectNode.builder()
                .put("runtimes", ObjectNode.builder().put("python", "3.12").build())
                .put(
                    "system",
                    ObjectNode.builder().put("distro", "debian").put("release", "bookworm").build())
                .build())
        .put(
            "tools",
            ObjectNode.builder()
                .put(
                    "capsem_doctor",
                    ObjectNode.builder()
                        .put("version", "2026.05.20")
                        .put("required", true)
                        .put("source", "guest")
                        .build())
                .build())
        .put(
            "security",
            ObjectNode.builder()
                .put(
                    "capabilities",
                    ObjectNode.builder()
                        .put("credential_brokerage", "ask")
                        .put("network_egress", "ask")
                        .put("file_boundaries", "audit")
                        .put("audit", "allow")
                        .build())
                .build())
        .build();
  }

  private static boolean given(String value) {
    return value != null && !value.isEmpty();
  }
}
