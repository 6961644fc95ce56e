package dev.ignis.asyncqueue;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Ignis's asynchronous invocations on Kafka: retries, event age, destinations and dead letters. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AsyncQueueApplication {

    public static void main(String[] args) {
        SpringApplication.run(AsyncQueueApplication.class, args);
    }
}
