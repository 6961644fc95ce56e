package dev.ignis.eventsource.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.eventsource.poller.ProcessingResults;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** How a failed SQS call reads as LastProcessingResult. */
class SqsQueueTest {

    @Test
    void aMissingQueueInAwsWords() {
        assertThat(SqsQueue.problemOf(
                        QueueDoesNotExistException.builder().message("gone").build()))
                .isEqualTo(SqsQueue.QUEUE_NOT_FOUND);
    }

    @Test
    void anotherSqsErrorNamesItsCodeAndMessage() {
        SqsException denied = (SqsException) SqsException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDenied")
                        .errorMessage("Access to the resource is denied.")
                        .build())
                .build();

        assertThat(SqsQueue.problemOf(denied))
                .isEqualTo("PROBLEM: Error occurred while ReceiveMessage. SQS Error Code: AccessDenied."
                        + " SQS Error Message: Access to the resource is denied.");
    }

    @Test
    void noConnectionIsAConnectionError() {
        SdkClientException refused = SdkClientException.builder()
                .message("Unable to execute HTTP request: Connection refused")
                .cause(new ConnectException("Connection refused"))
                .build();

        assertThat(SqsQueue.problemOf(refused)).isEqualTo(ProcessingResults.CONNECTION_ERROR);
    }

    @Test
    void otherClientErrorsKeepOnlyTheirHeadline() {
        SdkClientException noCredentials = SdkClientException.builder()
                .message("Unable to load credentials from any of the providers in the chain"
                        + " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider()])"
                        + " : [SystemPropertyCredentialsProvider(): Unable to load credentials from system settings.]")
                .build();

        assertThat(SqsQueue.problemOf(noCredentials))
                .startsWith("PROBLEM: Unable to load credentials from any of the providers in the chain")
                .doesNotContain("SystemPropertyCredentialsProvider():")
                .hasSizeLessThanOrEqualTo(220);
    }
}
