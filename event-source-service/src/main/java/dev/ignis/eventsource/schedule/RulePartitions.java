package dev.ignis.eventsource.schedule;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/** Which fired-topic partition a rule belongs to: Kafka's own key hash, so every replica agrees. */
final class RulePartitions {

    private RulePartitions() {}

    static int of(String ruleArn, int partitions) {
        return Utils.toPositive(Utils.murmur2(ruleArn.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
