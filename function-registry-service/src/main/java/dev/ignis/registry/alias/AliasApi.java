package dev.ignis.registry.alias;

import java.util.List;
import java.util.Map;

/** The alias operations' shapes, as the Lambda API names their fields. */
final class AliasApi {

    private AliasApi() {}

    record CreateAliasRequest(
            String name, String functionVersion, String description, AliasRoutingConfiguration routingConfig) {}

    record UpdateAliasRequest(
            String functionVersion, String description, AliasRoutingConfiguration routingConfig, String revisionId) {}

    record AliasRoutingConfiguration(Map<String, Double> additionalVersionWeights) {}

    record AliasConfiguration(
            String aliasArn,
            String name,
            String functionVersion,
            String description,
            AliasRoutingConfiguration routingConfig,
            String revisionId) {}

    record ListAliasesResponse(List<AliasConfiguration> aliases, String nextMarker) {}
}
