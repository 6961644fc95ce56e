package dev.ignis.gateway.url;

import dev.ignis.contracts.registry.FunctionUrlSnapshot;
import dev.ignis.contracts.registry.PolicySnapshot;
import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.RegistryRecord;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.gateway.catalog.RegistryListener;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Function URL configs by URL id and resource policies by ARN, kept from the registry's changes so
 * that a URL request needs no call to the registry.
 */
@Component
public class FunctionUrlDirectory implements RegistryListener {

    private static final TypeReference<RegistryChange<FunctionUrlSnapshot>> URL_CHANGE = new TypeReference<>() {};
    private static final TypeReference<RegistryChange<PolicySnapshot>> POLICY_CHANGE = new TypeReference<>() {};

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, FunctionUrlSnapshot> urlsByKey = new ConcurrentHashMap<>();
    private final Map<String, FunctionUrlSnapshot> urlsById = new ConcurrentHashMap<>();
    private final Map<String, PolicySnapshot> policiesByArn = new ConcurrentHashMap<>();

    public Optional<FunctionUrlSnapshot> url(String urlId) {
        return Optional.ofNullable(urlsById.get(urlId));
    }

    /** The policy attached to exactly {@code functionArn} (qualified or not). */
    public Optional<PolicySnapshot> policy(String functionArn) {
        return Optional.ofNullable(policiesByArn.get(functionArn));
    }

    @Override
    public void onChange(RegistryRecord record) {
        switch (record.type()) {
            case FUNCTION_URL_CONFIG -> onUrl(record.key(), record.value());
            case POLICY -> onPolicy(record.key(), record.value());
            default -> {
                // other resources are routed by path, not looked up here
            }
        }
    }

    @Override
    public void onReset() {
        urlsByKey.clear();
        urlsById.clear();
        policiesByArn.clear();
    }

    private void onUrl(String key, Optional<byte[]> value) {
        FunctionUrlSnapshot previous = value.isPresent()
                ? urlsByKey.put(key, json.readValue(value.get(), URL_CHANGE).snapshot())
                : urlsByKey.remove(key);
        if (previous != null) {
            urlsById.remove(previous.urlId());
        }
        FunctionUrlSnapshot current = urlsByKey.get(key);
        if (current != null) {
            urlsById.put(current.urlId(), current);
        }
    }

    private void onPolicy(String key, Optional<byte[]> value) {
        String arn =
                key.substring(0, key.length() - ResourceType.POLICY.keySuffix().length());
        if (value.isPresent()) {
            policiesByArn.put(arn, json.readValue(value.get(), POLICY_CHANGE).snapshot());
        } else {
            policiesByArn.remove(arn);
        }
    }
}
