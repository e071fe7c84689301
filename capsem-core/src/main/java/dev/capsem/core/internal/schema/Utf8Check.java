package dev.capsem.core.internal.schema;

import dev.capsem.core.diag.Position;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Strict UTF-8 decoding that words its failures as Python's {@code UnicodeDecodeError} does, since
 * upstream reports that text verbatim.
 */
final class Utf8Check {

  record Result(String text, String error, Position position) {}

  private Utf8Check() {}

  static Result decode(byte[] bytes) {
    int i = 0;
    int line = 1;
    int lineStart = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xff;
      if (b < 0x80) {
        if (b == '\n') {
          line++;
          lineStart = i + 1;
        }
        i++;
        continue;
      }
      int length;
      int min;
      int max = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) {
        length = 2;
        min = 0x80;
      } else if (b >= 0xe0 && b <= 0xef) {
        length = 3;
        min = b == 0xe0 ? 0xa0 : 0x80;
        max = b == 0xed ? 0x9f : 0xbf;
      } else if (b >= 0xf0 && b <= 0xf4) {
        length = 4;
        min = b == 0xf0 ? 0x90 : 0x80;
        max = b == 0xf4 ? 0x8f : 0xbf;
      } else {
        return failure(b, i, "invalid start byte", line, i - lineStart + 1);
      }
      for (int k = 1; k < length; k++) {
        if (i + k >= bytes.length) {
          return failure(b, i, "unexpected end of data", line, i - lineStart + 1);
        }
        int next = bytes[i + k] & 0xff;
        int low = k == 1 ? min : 0x80;
        int high = k == 1 ? max : 0xbf;
        if (next < low || next > high) {
          return failure(b, i, "invalid continuation byte", line, i - lineStart + 1);
        }
      }
      i += length;
    }
    return new Result(new String(bytes, StandardCharsets.UTF_8), null, null);
  }

  private static Result failure(int b, int at, String reason, int line, int column) {
    String message =
        String.format(
            Locale.ROOT,
            "'utf-8' codec can't decode byte 0x%02x in position %d: %s",
            b,
            at,
            reason);
    return new Result(null, message, new Position(line, column));
  }
}
