package dev.capsem.core.internal.policycontext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Fields are found by name however the name was made. */
class ContextStructTest {

  @Test
  void indexOf_nameMadeAtRunTime_findsTheFieldAsTheConstantDoes() {
    ContextStruct common = PolicyContextModel.roots().get("common");
    String built = new StringBuilder("event").append("_type").toString();

    assertThat(common.indexOf(built)).isEqualTo(common.indexOf("event_type")).isNotNegative();
    assertThat(common.indexOf(new StringBuilder("event_typo").toString())).isEqualTo(-1);
  }
}
