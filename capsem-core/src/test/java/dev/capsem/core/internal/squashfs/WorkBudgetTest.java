package dev.capsem.core.internal.squashfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.diag.Code;
import org.junit.jupiter.api.Test;

class WorkBudgetTest {

  @Test
  void spend_withinAGibibytePlus64BytesPerImageByte_isAllowed() throws SquashfsException {
    WorkBudget budget = new WorkBudget(1000);

    budget.spend((1L << 30) + 64_000);

    assertThatThrownBy(() -> budget.spend(1))
        .isInstanceOfSatisfying(
            SquashfsException.class, e -> assertThat(e.code()).isEqualTo(Code.E531))
        .hasMessageContaining("far more work than an image of its size can need");
  }
}
