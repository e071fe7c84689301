package dev.capsem.core.internal.policycontext;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Which key followed which in the objects of one piece of a corpus. A corpus is written by one
 * serializer, so its objects keep their keys in the same order: the key that followed last time is
 * offered to jackson first, which then compares the bytes where they lie instead of hashing the
 * name and looking it up (a quarter of a backtest's time went to reading names). A wrong guess
 * costs one compare, and the name is read as usual. Not thread-safe: one per piece.
 */
final class KeyGuesses {

  /** The object ended. */
  static final int END = -1;

  /** A key that is not one of the object's. */
  static final int UNKNOWN = -2;

  /** The keys one kind of object may have, by position, and {@code id} to keep its guesses by. */
  record Keys(int id, List<SerializedString> names, ToIntFunction<String> positions) {
    static Keys of(int id, List<String> names, ToIntFunction<String> positions) {
      return new Keys(id, names.stream().map(SerializedString::new).toList(), positions);
    }
  }

  private final int[][] follows;

  KeyGuesses(int kinds) {
    follows = new int[kinds][];
  }

  /**
   * Reads the object's next key: its position in {@code keys}, {@link #END} or {@link #UNKNOWN};
   * {@code last} is the previous key's position ({@link #END} before the first).
   */
  int next(JsonParser parser, Keys keys, int last) throws IOException {
    int[] after = follows[keys.id()];
    if (after == null) {
      after = new int[keys.names().size() + 1];
      Arrays.fill(after, END);
      follows[keys.id()] = after;
    }
    int guess = after[last + 1];
    if (guess != END && parser.nextFieldName(keys.names().get(guess))) {
      return guess;
    }
    JsonToken token = guess != END ? parser.currentToken() : parser.nextToken();
    if (token != JsonToken.FIELD_NAME) {
      after[last + 1] = END;
      return END;
    }
    int position = keys.positions().applyAsInt(parser.currentName());
    if (position < 0) {
      return UNKNOWN;
    }
    after[last + 1] = position;
    return position;
  }
}
