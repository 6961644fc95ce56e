package dev.ignis.asyncqueue.destination;

import dev.ignis.asyncqueue.config.AsyncQueueProperties.SnsSubscription;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * SNS topics ({@code arn:aws:sns:<region>:<account>:<topic>}) delivered the way SNS delivers to an
 * HTTP subscription: a {@code POST} of a {@code Notification} document with the
 * {@code x-amz-sns-*} headers, to every endpoint configured for the topic. A topic with no
 * subscription is a failed delivery, not a silent success.
 */
public final class SnsHttpChannel implements Channel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final List<SnsSubscription> subscriptions;
    private final Clock clock;

    public SnsHttpChannel(HttpClient http, List<SnsSubscription> subscriptions, Clock clock) {
        this.http = http;
        this.subscriptions = List.copyOf(subscriptions);
        this.clock = clock;
    }

    @Override
    public String service() {
        return "sns";
    }

    @Override
    public void send(DestinationArn destination, Outgoing message) throws IOException, InterruptedException {
        List<URI> endpoints = subscriptions.stream()
                .filter(s -> s.topicArn().equals(destination.arn()))
                .map(SnsSubscription::endpoint)
                .toList();
        if (endpoints.isEmpty()) {
            throw new IOException("No HTTP subscription is configured for " + destination.arn());
        }
        String messageId = UUID.randomUUID().toString();
        byte[] notification = JSON.writeValueAsBytes(notification(destination.arn(), messageId, message));
        for (URI endpoint : endpoints) {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(endpoint)
                            .timeout(Duration.ofSeconds(15))
                            .header("Content-Type", "text/plain; charset=UTF-8")
                            .header("x-amz-sns-message-type", "Notification")
                            .header("x-amz-sns-message-id", messageId)
                            .header("x-amz-sns-topic-arn", destination.arn())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(notification))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IOException(endpoint + " answered " + response.statusCode());
            }
        }
    }

    private Map<String, Object> notification(String topicArn, String messageId, Outgoing message) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Type", "Notification");
        document.put("MessageId", messageId);
        document.put("TopicArn", topicArn);
        document.put("Message", message.body());
        document.put("Timestamp", clock.instant().toString());
        document.put("SignatureVersion", "1");
        if (!message.attributes().isEmpty()) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            message.attributes()
                    .forEach((name, a) -> attributes.put(name, Map.of("Type", a.dataType(), "Value", a.value())));
            document.put("MessageAttributes", attributes);
        }
        return document;
    }
}
