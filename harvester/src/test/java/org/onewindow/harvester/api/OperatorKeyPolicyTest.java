package org.onewindow.harvester.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OperatorKeyPolicyTest {

    @Test
    void keysShorterThan32CharactersAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> OperatorKeyPolicy.check("operator"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ONEWINDOW_OPERATOR_KEY")
                .hasMessageContaining("at least 32 characters, got 8");
        assertThatThrownBy(() -> OperatorKeyPolicy.check("  " + "x".repeat(31) + "  "))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> OperatorKeyPolicy.check(null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysOf32CharactersOrMoreAreAccepted() {
        assertThatCode(() -> OperatorKeyPolicy.check("x".repeat(32))).doesNotThrowAnyException();
    }
}
