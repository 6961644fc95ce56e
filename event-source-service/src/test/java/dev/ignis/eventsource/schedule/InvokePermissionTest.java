package dev.ignis.eventsource.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.PolicySnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvokePermissionTest {

    static final String RULE = Schedules.RULES + "nightly";

    @Test
    void eventBridgeMayInvokeForTheRuleItWasGrantedFor() {
        assertThat(InvokePermission.allows(Schedules.eventsMayInvoke("f", RULE), RULE, Schedules.ACCOUNT))
                .isTrue();
        assertThat(InvokePermission.allows(
                        Schedules.eventsMayInvoke("f", Schedules.RULES + "other"), RULE, Schedules.ACCOUNT))
                .isFalse();
        assertThat(InvokePermission.allows(
                        Schedules.eventsMayInvoke("f", Schedules.RULES + "night*"), RULE, Schedules.ACCOUNT))
                .isTrue();
    }

    @Test
    void noPolicyOrAnotherPrincipalIsNoPermission() {
        assertThat(InvokePermission.allows(null, RULE, Schedules.ACCOUNT)).isFalse();
        assertThat(InvokePermission.allows(policy("s3.amazonaws.com", "lambda:InvokeFunction", null), RULE, "0"))
                .isFalse();
        assertThat(InvokePermission.allows(policy("events.amazonaws.com", "lambda:GetFunction", null), RULE, "0"))
                .isFalse();
        assertThat(InvokePermission.allows(policy("events.amazonaws.com", "lambda:InvokeFunction", null), RULE, "0"))
                .as("no SourceArn condition: any rule")
                .isTrue();
    }

    private static PolicySnapshot policy(String principal, String action, String sourceArn) {
        return new PolicySnapshot(
                Schedules.FUNCTIONS + "f",
                null,
                List.of(new PolicySnapshot.Statement(
                        "s", principal, action, Schedules.FUNCTIONS + "f", sourceArn, null, null, null, null, null)),
                "r");
    }
}
