package dev.capsem.core.internal.provenance;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.ports.RawSigner;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Dead Simple Signing Envelope v1 (secure-systems-lab/dsse): the signature covers the
 * pre-authentication encoding {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, never the
 * JSON around it, so the envelope's layout cannot change what was signed.
 */
public final class Dsse {

  /** The payload type of an in-toto statement. */
  public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

  private Dsse() {}

  /** One signature of an envelope. */
  public record Signature(String keyid, byte[] sig) {
    public Signature {
      Objects.requireNonNull(keyid, "keyid");
      sig = sig.clone();
    }

    @Override
    public byte[] sig() {
      return sig.clone();
    }
  }

  /** An envelope: the payload bytes (decoded), their type, and the signatures over the PAE. */
  public record Envelope(String payloadType, byte[] payload, List<Signature> signatures) {
    public Envelope {
      Objects.requireNonNull(payloadType, "payloadType");
      payload = payload.clone();
      signatures = List.copyOf(signatures);
    }

    @Override
    public byte[] payload() {
      return payload.clone();
    }

    /** The JSON file: {@code payloadType}, base64 {@code payload}, {@code signatures}, one line. */
    public String json() {
      List<Node> sigs = new ArrayList<>();
      for (Signature signature : signatures) {
        sigs.add(
            ObjectNode.builder()
                .put("keyid", signature.keyid())
                .put("sig", Base64.getEncoder().encodeToString(signature.sig()))
                .build());
      }
      return JsonPrinter.compact()
          .printLine(
              ObjectNode.builder()
                  .put("payloadType", payloadType)
                  .put("payload", Base64.getEncoder().encodeToString(payload))
                  .put("signatures", ArrayNode.of(sigs))
                  .build());
    }
  }

  /** The bytes a DSSE signature signs. */
  public static byte[] pae(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
    out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(type);
    out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /**
   * Signs {@code payload} with the release key; the signature's {@code keyid} is the minisign key
   * id as minisign prints it, so a reader can tell which {@code .pub} file verifies it.
   */
  public static Envelope sign(String payloadType, byte[] payload, RawSigner key) {
    byte[] signature = key.signRaw(pae(payloadType, payload));
    return new Envelope(payloadType, payload, List.of(new Signature(key.keyId().hex(), signature)));
  }
}
