package dev.ignis.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.error.Fault;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.registry.ResourceType;
import org.junit.jupiter.api.Test;

class LambdaErrorTypeTest {

    @Test
    void everyCodeIsUniqueAndFoundByName() {
        for (LambdaErrorType type : LambdaErrorType.values()) {
            assertThat(LambdaErrorType.fromCode(type.code())).contains(type);
        }
    }

    @Test
    void statusFollowsWhoIsAtFault() {
        for (LambdaErrorType type : LambdaErrorType.values()) {
            switch (type.fault()) {
                case CLIENT -> assertThat(type.httpStatus()).isBetween(400, 499);
                case PLATFORM -> assertThat(type.httpStatus()).isBetween(500, 599);
                case FUNCTION -> assertThat(type.httpStatus()).isEqualTo(200);
            }
        }
        assertThat(LambdaErrorType.SERVICE.bodyType()).isEqualTo("Service");
        assertThat(LambdaErrorType.RESOURCE_NOT_FOUND.bodyType()).isEqualTo("User");
        assertThat(LambdaErrorType.SANDBOX_TIMEDOUT.fault()).isEqualTo(Fault.FUNCTION);
    }

    @Test
    void subResourceKeysAreDistinctFromTheirFunctionsKey() {
        String arn = "arn:aws:lambda:us-east-1:000000000000:function:fn";
        assertThat(ResourceType.FUNCTION.keyFor(arn)).isEqualTo(arn);
        assertThat(ResourceType.FUNCTION_URL_CONFIG.keyFor(arn)).isEqualTo(arn + "#url");
        assertThat(ResourceType.bySuffixOf(arn + "#url")).contains(ResourceType.FUNCTION_URL_CONFIG);
        assertThat(ResourceType.bySuffixOf(arn)).isEmpty();
    }
}
