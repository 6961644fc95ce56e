package dev.ignis.eventsource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Ignis's event source mappings: Kafka, SQS and Kinesis pollers and schedules. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EventSourceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EventSourceApplication.class, args);
    }
}
