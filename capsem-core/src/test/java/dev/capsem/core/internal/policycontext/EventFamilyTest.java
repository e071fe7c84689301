package dev.capsem.core.internal.policycontext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An event's family is the text before the first dot of its type, when it names one of ten. */
class EventFamilyTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "none",
      value = {
        "http.request, HTTP",
        "dns.http.request, DNS",
        "http., HTTP",
        "conversation.turn, CONVERSATION",
        "vm.boot, VM",
        "http, none",
        "httpx.request, none",
        "htt.request, none",
        ".http, none",
        "snapshot.create, none",
        "HTTP.request, none",
        "'', none"
      })
  void ofEventType_textBeforeTheFirstDot_namesTheFamily(String eventType, EventFamily family) {
    assertThat(EventFamily.ofEventType(eventType)).isEqualTo(family);
  }
}
