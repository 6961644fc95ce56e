package dev.ignis.registry.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.PolicySnapshot.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {

    private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:f";

    @Test
    void rendersMembersInAwsOrderWithEachConditionUnderItsOperator() {
        Statement statement = new Statement(
                "s3",
                "s3.amazonaws.com",
                "lambda:InvokeFunction",
                FN,
                "arn:aws:s3:::b",
                "123456789012",
                null,
                null,
                null,
                null);

        assertThat(PolicyDocument.statement(statement))
                .isEqualTo("{\"Sid\":\"s3\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"s3.amazonaws.com\"},"
                        + "\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"" + FN + "\",\"Condition\":"
                        + "{\"StringEquals\":{\"AWS:SourceAccount\":\"123456789012\"},"
                        + "\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:s3:::b\"}}}");
    }

    @Test
    void aPublicUrlStatementHasAStarPrincipalAndBothUrlConditions() {
        Statement statement =
                new Statement("url", "*", "lambda:InvokeFunction", FN, null, null, null, null, "NONE", true);

        assertThat(PolicyDocument.statement(statement))
                .contains("\"Principal\":\"*\"")
                .contains("\"StringEquals\":{\"lambda:FunctionUrlAuthType\":\"NONE\"}")
                .contains("\"Bool\":{\"lambda:InvokedViaFunctionUrl\":\"true\"}");
    }

    @Test
    void principalsBecomeStarServiceOrAwsAsOnAws() {
        assertThat(PolicyDocument.principal("*")).isEqualTo("*");
        assertThat(PolicyDocument.principal("111122223333")).isEqualTo(Map.of("AWS", "arn:aws:iam::111122223333:root"));
        assertThat(PolicyDocument.principal("arn:aws:iam::111122223333:role/r"))
                .isEqualTo(Map.of("AWS", "arn:aws:iam::111122223333:role/r"));
        assertThat(PolicyDocument.principal("sns.amazonaws.com")).isEqualTo(Map.of("Service", "sns.amazonaws.com"));
    }

    @Test
    void thePolicyWrapsStatementsInTheDefaultDocument() {
        Statement statement = new Statement("a", "*", "lambda:InvokeFunction", FN, null, null, null, null, null, null);

        assertThat(PolicyDocument.policy(List.of(statement)))
                .startsWith("{\"Version\":\"2012-10-17\",\"Id\":\"default\",\"Statement\":[{\"Sid\":\"a\"")
                .doesNotContain("Condition");
    }
}
