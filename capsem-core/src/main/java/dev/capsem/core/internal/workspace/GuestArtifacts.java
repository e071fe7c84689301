package dev.capsem.core.internal.workspace;

import java.util.List;

/** The guest artifacts every image needs (upstream's {@code guest/artifacts}), besides the CA. */
public final class GuestArtifacts {

  /** Files, in upstream's order. */
  public static final List<String> FILES =
      List.of(
          "capsem-init",
          "capsem-bashrc",
          "banner.txt",
          "tips.txt",
          "capsem-doctor",
          "capsem-bench",
          "snapshots");

  /** Folders, in upstream's order. */
  public static final List<String> DIRECTORIES = List.of("capsem_bench", "diagnostics");

  /** The MITM CA certificate the image trusts. */
  public static final String CA_CERTIFICATE = "capsem-ca.crt";

  private GuestArtifacts() {}
}
