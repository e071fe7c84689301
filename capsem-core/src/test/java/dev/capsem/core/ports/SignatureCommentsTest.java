package dev.capsem.core.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignatureCommentsTest {

  @Test
  void defaults_fileAndTime_matchMinisignDefaultComments() {
    SignatureComments comments = SignatureComments.defaults("manifest.json", 1779328520L);

    assertThat(comments.untrusted()).isEqualTo("signature from minisign secret key");
    assertThat(comments.trusted()).isEqualTo("timestamp:1779328520\tfile:manifest.json\thashed");
  }

  @Test
  void defaults_pathInsteadOfName_isRefused() {
    assertThatThrownBy(() -> SignatureComments.defaults("dir/manifest.json", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_lineBreakInTrustedComment_isRefused() {
    assertThatThrownBy(() -> SignatureComments.trusted("a\nb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+000A");
  }

  @Test
  void new_trustedCommentAtMinisignLimit_isAccepted() {
    assertThat(SignatureComments.trusted("x".repeat(8173)).trusted()).hasSize(8173);
    assertThatThrownBy(() -> SignatureComments.trusted("x".repeat(8174)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8174");
  }

  @Test
  void new_untrustedCommentOverLimit_isRefused() {
    assertThatThrownBy(() -> new SignatureComments("é".repeat(502), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1004 UTF-8 bytes");
  }
}
