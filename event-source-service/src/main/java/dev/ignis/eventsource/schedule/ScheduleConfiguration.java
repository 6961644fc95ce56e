package dev.ignis.eventsource.schedule;

import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.eventsource.catalog.MappingTargets;
import dev.ignis.eventsource.config.EventSourceProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Schedule rules and Scheduler schedules: the catalog fed by the registry view, and this replica's firer. */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    @Bean
    ScheduleCatalog scheduleCatalog(ScheduleProperties settings) {
        return new ScheduleCatalog(settings.minuteLength());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnProperty(name = "ignis.event-source.schedules.enabled", matchIfMissing = true)
    ScheduleFirer scheduleFirer(
            ScheduleProperties settings,
            ScheduleCatalog catalog,
            MappingTargets view,
            KafkaProperties kafka,
            EventSourceProperties service,
            InternalCredential credential,
            MeterRegistry meters) {
        Map<String, Object> consumer = kafka.buildConsumerProperties();
        ScheduleClients clients = new ScheduleClients(consumer, kafka.buildProducerProperties(), settings.group());
        RegistryCatchUp caughtUp = new RegistryCatchUp(
                view,
                () -> new KafkaConsumer<>(
                        new HashMap<>(consumer), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                settings.registryTopic());
        return new ScheduleFirer(
                settings,
                catalog,
                clients,
                caughtUp,
                Clock.systemUTC(),
                new ScheduleMetrics(meters),
                service.region(),
                service.accountId(),
                new RegistryScheduleDeleter(service.registryUrl(), credential));
    }
}
