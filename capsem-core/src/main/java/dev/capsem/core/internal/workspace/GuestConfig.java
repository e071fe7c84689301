package dev.capsem.core.internal.workspace;

import dev.capsem.core.internal.json.Nodes;
import dev.capsem.core.internal.profile.SecuritySettings;
import java.util.List;
import java.util.Map;

/**
 * A loaded guest-config directory ({@code config/*.toml}): what the image templates consume. Maps
 * keep file order (files sorted by name, tables in file order).
 *
 * @param controls the rules of {@code security/controls.toml}, or {@code null} when absent
 */
public record GuestConfig(
    BuildConfig build,
    ImageManifest manifest,
    Map<String, AiProviderConfig> providers,
    Map<String, PackageSet> packageSets,
    Map<String, McpServerConfig> mcpServers,
    WebSecurity web,
    VmResources resources,
    VmEnvironment environment,
    SecuritySettings controls) {

  public GuestConfig {
    providers = Nodes.ordered(providers);
    packageSets = Nodes.ordered(packageSets);
    mcpServers = Nodes.ordered(mcpServers);
  }

  /** {@code [build]} of build.toml. */
  public record BuildConfig(
      String compression,
      long compressionLevel,
      Map<String, ArchConfig> architectures,
      Map<String, String> versionCommands) {
    public BuildConfig {
      architectures = Nodes.ordered(architectures);
      versionCommands = Nodes.ordered(versionCommands);
    }
  }

  /** One architecture of build.toml: self-contained build parameters. */
  public record ArchConfig(
      String baseImage,
      String dockerPlatform,
      String rustTarget,
      String kernelBranch,
      String kernelImage,
      String defconfig,
      long nodeMajor) {

    /** The same architecture built from {@code image} (a base image pinned by digest). */
    public ArchConfig withBaseImage(String image) {
      return new ArchConfig(
          image, dockerPlatform, rustTarget, kernelBranch, kernelImage, defconfig, nodeMajor);
    }
  }

  /** {@code [image]} of manifest.toml, or {@code null} when the file is absent. */
  public record ImageManifest(
      String name, String version, String description, List<ChangelogEntry> changelog) {
    public ImageManifest {
      changelog = List.copyOf(changelog);
    }
  }

  public record ChangelogEntry(String version, String date, List<String> changes) {
    public ChangelogEntry {
      changes = List.copyOf(changes);
    }
  }

  /** One file of {@code config/ai/}: a provider, its key, network, installer, CLI and files. */
  public record AiProviderConfig(
      String key,
      String file,
      String name,
      String description,
      boolean enabled,
      ApiKey apiKey,
      ProviderNetwork network,
      Install install,
      Cli cli,
      Map<String, FileContent> files) {
    public AiProviderConfig {
      files = Nodes.ordered(files);
    }
  }

  public record ApiKey(String name, List<String> envVars, String prefix, String docsUrl) {
    public ApiKey {
      envVars = List.copyOf(envVars);
    }
  }

  public record ProviderNetwork(List<String> domains, boolean allowGet, boolean allowPost) {
    public ProviderNetwork {
      domains = List.copyOf(domains);
    }
  }

  /** How a provider's CLI is installed: {@code npm} packages or {@code curl} installer URLs. */
  public record Install(String manager, String prefix, List<String> packages) {
    public Install {
      packages = List.copyOf(packages);
    }
  }

  public record Cli(String key, String name, String description, String versionCommand) {}

  public record FileContent(String path, String content) {}

  /** One table of {@code config/packages/}: packages for one manager. */
  public record PackageSet(
      String key,
      String file,
      String name,
      String manager,
      String installCmd,
      boolean installCmdGiven,
      List<String> packages,
      Map<String, String> versionCommands,
      PackageNetwork network) {
    public PackageSet {
      packages = List.copyOf(packages);
      versionCommands = Nodes.ordered(versionCommands);
    }
  }

  public record PackageNetwork(String name, List<String> domains, boolean allowGet) {
    public PackageNetwork {
      domains = List.copyOf(domains);
    }
  }

  /** One table of {@code config/mcp/}. */
  public record McpServerConfig(
      String key,
      String file,
      String name,
      String description,
      String transport,
      String command,
      String url,
      List<String> args,
      Map<String, String> env,
      Map<String, String> headers,
      boolean builtin,
      boolean enabled) {
    public McpServerConfig {
      args = List.copyOf(args);
      env = Nodes.ordered(env);
      headers = Nodes.ordered(headers);
    }
  }

  /** {@code [web]} of security/web.toml (legacy hand-written guest dirs only). */
  public record WebSecurity(
      boolean present,
      boolean allowRead,
      boolean allowWrite,
      List<String> customAllow,
      List<String> customBlock,
      Map<String, Map<String, WebService>> sections) {
    public WebSecurity {
      customAllow = List.copyOf(customAllow);
      customBlock = List.copyOf(customBlock);
      sections = Nodes.ordered(sections);
    }
  }

  public record WebService(
      String name, boolean enabled, List<String> domains, boolean allowGet, boolean allowPost) {
    public WebService {
      domains = List.copyOf(domains);
    }
  }

  /** {@code [resources]} of vm/resources.toml. */
  public record VmResources(
      long cpuCount,
      long ramGb,
      long scratchDiskSizeGb,
      boolean logBodies,
      long maxBodyCapture,
      long retentionDays,
      long maxSessions,
      long minContentSessions,
      long maxDiskGb,
      long terminatedRetentionDays) {}

  /** {@code [environment]} of vm/environment.toml. */
  public record VmEnvironment(
      String term,
      String home,
      String path,
      String lang,
      FileContent bashrc,
      FileContent tmuxConf,
      String caBundle) {}
}
