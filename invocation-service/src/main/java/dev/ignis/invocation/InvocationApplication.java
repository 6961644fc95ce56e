package dev.ignis.invocation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Ignis's invocation engine: the Invoke API, execution environments and the Runtime API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InvocationApplication {

    public static void main(String[] args) {
        SpringApplication.run(InvocationApplication.class, args);
    }
}
