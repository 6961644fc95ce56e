package dev.ignis.registry.eventinvoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.eventinvoke.EventInvokeApi.Destination;
import dev.ignis.registry.eventinvoke.EventInvokeApi.DestinationConfig;
import dev.ignis.registry.eventinvoke.EventInvokeApi.EventInvokeConfigRequest;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventInvokeRulesTest {

    private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:";
    private static final Set<String> FUNCTIONS = Set.of("self", "other");

    @Test
    void acceptsTheBoundsOfBothRanges() {
        assertThatCode(() -> EventInvokeRules.checkRequest(new EventInvokeConfigRequest(0, 60, null)))
                .doesNotThrowAnyException();
        assertThatCode(() -> EventInvokeRules.checkRequest(new EventInvokeConfigRequest(2, 21_600, null)))
                .doesNotThrowAnyException();
    }

    @Test
    void anEmptyDestinationPassesThePatternAndCountsAsASetting() {
        assertThatCode(() -> EventInvokeRules.checkRequest(
                        new EventInvokeConfigRequest(null, null, new DestinationConfig(new Destination(""), null))))
                .doesNotThrowAnyException();
    }

    @Test
    void s3IsAnOnFailureDestinationOnly() {
        String bucket = "arn:aws:s3:::failed-events";
        assertThatCode(() -> check(new DestinationConfig(null, new Destination(bucket))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check(new DestinationConfig(new Destination(bucket), null)))
                .isInstanceOfSatisfying(LambdaApiException.class, e -> assertThat(e.type())
                        .isEqualTo(LambdaErrorType.INVALID_PARAMETER_VALUE))
                .hasMessage("The provided destination config DestinationConfig(onSuccess=OnSuccess(destination="
                        + bucket + "), onFailure=null) is invalid.");
    }

    @Test
    void aKafkaTopicInIgnisArnForm_isADestinationForBothOutcomes() {
        String topic = "arn:aws:kafka:us-east-1:000000000000:topic/ignis.destinations";
        assertThatCode(() -> EventInvokeRules.checkRequest(new EventInvokeConfigRequest(
                        null, null, new DestinationConfig(new Destination(topic), new Destination(topic)))))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(new DestinationConfig(new Destination(topic), new Destination(topic))))
                .doesNotThrowAnyException();
    }

    @Test
    void aFunctionDestinationMustBeAnotherExistingFunction() {
        assertThatCode(() -> check(new DestinationConfig(new Destination(FN + "other:1"), null)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check(new DestinationConfig(null, new Destination(FN + "self"))))
                .hasMessage("You can't specify the function as a destination for itself.");
        assertThatThrownBy(() -> check(new DestinationConfig(null, new Destination(FN + "gone"))))
                .hasMessage("The destination ARN " + FN + "gone is invalid.");
    }

    private static void check(DestinationConfig destinations) {
        EventInvokeRules.checkDestinations(destinations, "self", FUNCTIONS::contains);
    }
}
