package dev.ignis.bench.report;

/**
 * What answered a row's requests: Ignis (invocation-service directly, function-registry-service
 * directly, either through the gateway, or event-source-service's pollers), the peer, or the floor.
 */
public enum Server {
    IGNIS_DIRECT("ignis-direct"),
    IGNIS_REGISTRY("ignis-registry"),
    IGNIS_GATEWAY("ignis-gateway"),
    IGNIS_ASYNC("ignis-async-queue"),
    IGNIS_EVENT_SOURCE("ignis-event-source"),
    PEER("serverless-offline"),
    FLOOR("floor");

    private final String label;

    Server(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isIgnis() {
        return this == IGNIS_DIRECT
                || this == IGNIS_REGISTRY
                || this == IGNIS_GATEWAY
                || this == IGNIS_ASYNC
                || this == IGNIS_EVENT_SOURCE;
    }
}
