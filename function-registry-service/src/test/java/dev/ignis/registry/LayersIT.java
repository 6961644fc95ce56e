package dev.ignis.registry;

import static dev.ignis.registry.Lambdas.assertAwsError;
import static dev.ignis.registry.Lambdas.assertAwsErrorContaining;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.LayersListItem;
import software.amazon.awssdk.services.lambda.model.ListLayersResponse;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;
import tools.jackson.databind.JsonNode;

/**
 * Layers through the AWS SDK: publishing, reading, listing and deleting versions, and functions
 * that use them. The unzipped limit is lowered to 1 MB so that "too big" needs no 250 MB of test data.
 */
@TestPropertySource(properties = "ignis.registry.max-unzipped-code-bytes=" + LayersIT.UNZIPPED_LIMIT)
class LayersIT extends RegistryIT {

    static final int UNZIPPED_LIMIT = 1_000_000;
    private static final String LAYER = "arn:aws:lambda:us-east-1:000000000000:layer:";

    @AfterEach
    void deleteLayers() {
        lambda.listLayers().layers().forEach(layer -> lambda.listLayerVersions(b -> b.layerName(layer.layerName()))
                .layerVersions()
                .forEach(v -> lambda.deleteLayerVersion(
                        b -> b.layerName(layer.layerName()).versionNumber(v.version()))));
    }

    @Test
    void publishesReadsListsAndDeletesLayerVersions() {
        byte[] zip = Zips.of("python/deps.py", "VALUE = 1\n");
        PublishLayerVersionResponse first = lambda.publishLayerVersion(b -> b.layerName("deps")
                .content(c -> c.zipFile(SdkBytes.fromByteArray(zip)))
                .description("shared deps")
                .compatibleRuntimesWithStrings("python3.12", "python3.13")
                .compatibleArchitecturesWithStrings("x86_64")
                .licenseInfo("MIT"));

        assertThat(first.layerArn()).isEqualTo(LAYER + "deps");
        assertThat(first.layerVersionArn()).isEqualTo(LAYER + "deps:1");
        assertThat(first.version()).isEqualTo(1L);
        assertThat(first.description()).isEqualTo("shared deps");
        assertThat(first.licenseInfo()).isEqualTo("MIT");
        assertThat(first.compatibleRuntimesAsStrings()).containsExactly("python3.12", "python3.13");
        assertThat(first.compatibleArchitecturesAsStrings()).containsExactly("x86_64");
        assertThat(first.createdDate()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(first.content().codeSha256()).isEqualTo(Base64.getEncoder().encodeToString(sha256(zip)));
        assertThat(first.content().codeSize()).isEqualTo(zip.length);
        assertThat(first.content().location())
                .contains("/ignis/v1/code/" + HexFormat.of().formatHex(sha256(zip)) + "?X-Ignis-Expires=");

        PublishLayerVersionResponse second = publish("deps", "nodejs20.x");
        assertThat(second.version()).isEqualTo(2L);
        assertThat(second.description()).isEmpty();
        assertThat(second.hasCompatibleArchitectures()).isFalse();
        publish("tools", "python3.12");

        GetLayerVersionResponse byNumber =
                lambda.getLayerVersion(b -> b.layerName("deps").versionNumber(1L));
        assertThat(byNumber.layerVersionArn()).isEqualTo(first.layerVersionArn());
        assertThat(byNumber.content().codeSha256()).isEqualTo(first.content().codeSha256());
        assertThat(byNumber.createdDate()).isEqualTo(first.createdDate());
        assertThat(lambda.getLayerVersion(b -> b.layerName(LAYER + "deps").versionNumber(2L))
                        .version())
                .as("a layer ARN works as LayerName")
                .isEqualTo(2L);
        assertThat(lambda.getLayerVersionByArn(b -> b.arn(LAYER + "deps:1")).licenseInfo())
                .isEqualTo("MIT");

        assertThat(lambda.listLayers().layers())
                .extracting(LayersListItem::layerName, l -> l.latestMatchingVersion()
                        .version())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("deps", 2L),
                        org.assertj.core.groups.Tuple.tuple("tools", 1L));
        assertThat(lambda.listLayers(b -> b.compatibleRuntime("python3.12")).layers())
                .extracting(l -> l.latestMatchingVersion().layerVersionArn())
                .as("the newest version that matches, per layer")
                .containsExactly(LAYER + "deps:1", LAYER + "tools:1");
        assertThat(lambda.listLayers(b -> b.compatibleRuntime("nodejs20.x")).layers())
                .extracting(LayersListItem::layerArn)
                .containsExactly(LAYER + "deps");
        assertThat(lambda.listLayers(b -> b.compatibleArchitecture("x86_64")).layers())
                .extracting(l -> l.latestMatchingVersion().layerVersionArn())
                .containsExactly(LAYER + "deps:1");

        ListLayersResponse page1 = lambda.listLayers(b -> b.maxItems(1));
        assertThat(page1.layers()).extracting(LayersListItem::layerName).containsExactly("deps");
        assertThat(page1.nextMarker()).isNotNull();
        ListLayersResponse page2 = lambda.listLayers(b -> b.maxItems(1).marker(page1.nextMarker()));
        assertThat(page2.layers()).extracting(LayersListItem::layerName).containsExactly("tools");
        assertThat(page2.nextMarker()).isNull();

        assertThat(lambda.listLayerVersions(b -> b.layerName("deps")).layerVersions())
                .extracting(LayerVersionsListItem::version)
                .as("newest first")
                .containsExactly(2L, 1L);
        var versions1 = lambda.listLayerVersions(b -> b.layerName("deps").maxItems(1));
        assertThat(versions1.layerVersions())
                .extracting(LayerVersionsListItem::version)
                .containsExactly(2L);
        var versions2 =
                lambda.listLayerVersions(b -> b.layerName("deps").maxItems(1).marker(versions1.nextMarker()));
        assertThat(versions2.layerVersions())
                .extracting(LayerVersionsListItem::version)
                .containsExactly(1L);
        assertThat(versions2.nextMarker()).isNull();
        assertThat(lambda.listLayerVersions(b -> b.layerName("deps").compatibleRuntime("python3.13"))
                        .layerVersions())
                .extracting(LayerVersionsListItem::version)
                .containsExactly(1L);
        assertThat(lambda.listLayerVersions(b -> b.layerName("nothing")).layerVersions())
                .isEmpty();

        lambda.deleteLayerVersion(b -> b.layerName("deps").versionNumber(2L));
        assertAwsError(
                () -> lambda.getLayerVersion(b -> b.layerName("deps").versionNumber(2L)),
                "ResourceNotFoundException",
                404,
                "The resource you requested does not exist.");
        lambda.deleteLayerVersion(b -> b.layerName("deps").versionNumber(2L));
        assertThat(publish("deps", "python3.12").version())
                .as("a deleted version's number is never given again")
                .isEqualTo(3L);

        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            JsonNode change =
                    Lambdas.value(topic.awaitRecords(LAYER + "deps:1", 1).getFirst());
            assertThat(change.path("type").asString()).isEqualTo("LAYER_VERSION");
            assertThat(change.path("arn").asString()).isEqualTo(LAYER + "deps:1");
            JsonNode snapshot = change.path("snapshot");
            assertThat(snapshot.path("layerArn").asString()).isEqualTo(LAYER + "deps");
            assertThat(snapshot.path("version").asLong()).isEqualTo(1L);
            assertThat(snapshot.path("codeSha256").asString())
                    .isEqualTo(first.content().codeSha256());
            assertThat(snapshot.path("codeSize").asLong()).isEqualTo(zip.length);
            assertThat(snapshot.path("compatibleRuntimes").toString()).isEqualTo("[\"python3.12\",\"python3.13\"]");
            List<ConsumerRecord<String, byte[]>> deleted = topic.awaitRecords(LAYER + "deps:2", 2);
            assertThat(deleted.get(1).value()).as("tombstone").isNull();
        }
    }

    @Test
    void aFunctionRunsItsLayersInOrderWithTheirRealHashes() {
        PublishLayerVersionResponse python = publish("py-deps", "python3.12");
        PublishLayerVersionResponse tools = publish("fn-tools", "python3.12");
        String arn = lambda.createFunction(FunctionApiIT.create("layered")
                        .layers(tools.layerVersionArn(), python.layerVersionArn())
                        .build())
                .functionArn();

        List<Layer> shown =
                lambda.getFunctionConfiguration(b -> b.functionName("layered")).layers();
        assertThat(shown).extracting(Layer::arn).containsExactly(tools.layerVersionArn(), python.layerVersionArn());
        assertThat(shown)
                .extracting(Layer::codeSize)
                .containsExactly(tools.content().codeSize(), python.content().codeSize());

        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            JsonNode refs = Lambdas.value(topic.awaitRecords(arn, 1).getFirst())
                    .path("snapshot")
                    .path("layers");
            assertThat(refs).hasSize(2);
            assertThat(refs.get(0).path("layerVersionArn").asString()).isEqualTo(tools.layerVersionArn());
            assertThat(refs.get(0).path("codeSha256").asString())
                    .isEqualTo(tools.content().codeSha256());
            assertThat(refs.get(0).path("codeSize").asLong())
                    .isEqualTo(tools.content().codeSize());
            assertThat(refs.get(1).path("layerVersionArn").asString()).isEqualTo(python.layerVersionArn());
            assertThat(refs.get(1).path("codeSha256").asString())
                    .isEqualTo(python.content().codeSha256());
        }

        lambda.deleteLayerVersion(b -> b.layerName("fn-tools").versionNumber(1L));
        var version = lambda.publishVersion(b -> b.functionName("layered"));
        assertThat(version.layers())
                .extracting(Layer::arn)
                .as("a deleted layer version stays with the functions that use it")
                .containsExactly(tools.layerVersionArn(), python.layerVersionArn());
        assertThat(lambda.updateFunctionConfiguration(
                                b -> b.functionName("layered").memorySize(256))
                        .layers())
                .hasSize(2);
        assertThat(lambda.updateFunctionConfiguration(
                                b -> b.functionName("layered").layers(List.of()))
                        .layers())
                .isEmpty();
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("layered:1"))
                        .layers())
                .hasSize(2);
    }

    @Test
    void badLayerReferencesAreRefusedAndWriteNothing() {
        PublishLayerVersionResponse deps = publish("ref-deps", "python3.12");
        String newer = publish("ref-deps", "python3.12").layerVersionArn();
        List<String> six = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> deps.layerVersionArn())
                .toList();
        assertAwsError(
                () -> lambda.createFunction(
                        FunctionApiIT.create("six").layers(six).build()),
                "InvalidParameterValueException",
                400,
                "Cannot reference more than 5 layers.");
        String unknown = LAYER + "ghost:1";
        assertAwsError(
                () -> lambda.createFunction(
                        FunctionApiIT.create("ghostly").layers(unknown).build()),
                "InvalidParameterValueException",
                400,
                "Layer version " + unknown + " does not exist.");
        assertAwsError(
                () -> lambda.createFunction(FunctionApiIT.create("twice")
                        .layers(deps.layerVersionArn(), newer)
                        .build()),
                "InvalidParameterValueException",
                400,
                "Two different versions of the same layer are not allowed to be referenced in the same function. "
                        + deps.layerVersionArn() + " and " + newer + " are versions of the same layer.");
        assertAwsError(
                () -> lambda.createFunction(FunctionApiIT.create("elsewhere")
                        .layers("arn:aws:lambda:eu-west-1:000000000000:layer:deps:1")
                        .build()),
                "InvalidParameterValueException",
                400,
                "Layers are not in the same region as the function. Layers are expected to be in region us-east-1.");
        assertAwsErrorContaining(
                () -> lambda.createFunction(
                        FunctionApiIT.create("malformed").layers("deps:1").build()),
                "ValidationException",
                400,
                "at 'layers' failed to satisfy constraint");
        assertThat(lambda.listFunctions().functions())
                .as("nothing half-written")
                .isEmpty();

        lambda.createFunction(
                FunctionApiIT.create("kept").layers(deps.layerVersionArn()).build());
        assertAwsError(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("kept").memorySize(512).layers(unknown)),
                "InvalidParameterValueException",
                400,
                "Layer version " + unknown + " does not exist.");
        var kept = lambda.getFunctionConfiguration(b -> b.functionName("kept"));
        assertThat(kept.memorySize()).isEqualTo(128);
        assertThat(kept.layers()).extracting(Layer::arn).containsExactly(deps.layerVersionArn());

        assertAwsError(
                () -> lambda.getLayerVersion(b -> b.layerName("ref-deps").versionNumber(9L)),
                "ResourceNotFoundException",
                404,
                "The resource you requested does not exist.");
        assertAwsError(
                () -> lambda.getLayerVersion(b -> b.layerName("deps").versionNumber(0L)),
                "InvalidParameterValueException",
                400,
                "Layer Version Cannot be less than 1");
        assertAwsError(
                () -> lambda.getLayerVersionByArn(b -> b.arn(LAYER + "deps")),
                "ValidationException",
                400,
                "1 validation error detected: Value '" + LAYER + "deps' at 'arn' failed to satisfy constraint: Member"
                        + " must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|"
                        + "(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+");
        assertAwsError(
                () -> lambda.getLayerVersionByArn(b -> b.arn(LAYER + "ghost:1")),
                "ResourceNotFoundException",
                404,
                "The resource you requested does not exist.");
        List<String> sixteen =
                IntStream.rangeClosed(1, 16).mapToObj(i -> "python3.12").toList();
        assertAwsErrorContaining(
                () -> lambda.publishLayerVersion(b -> b.layerName("crowded")
                        .content(c -> c.zipFile(SdkBytes.fromByteArray(Zips.handler())))
                        .compatibleRuntimesWithStrings(sixteen)),
                "ValidationException",
                400,
                "at 'compatibleRuntimes' failed to satisfy constraint: Member must have length less than or equal to 15");
        assertAwsErrorContaining(
                () -> lambda.publishLayerVersion(b -> b.layerName("odd")
                        .content(c -> c.zipFile(SdkBytes.fromByteArray(Zips.handler())))
                        .compatibleRuntimesWithStrings("cobol85")),
                "ValidationException",
                400,
                "Value '[cobol85]' at 'compatibleRuntimes' failed to satisfy constraint");
        assertAwsErrorContaining(
                () -> lambda.publishLayerVersion(b -> b.layerName("bomb")
                        .content(c -> c.zipFile(SdkBytes.fromByteArray(Zips.of("../escape.py", "x"))))),
                "InvalidParameterValueException",
                400,
                "outside its root");
        assertThat(lambda.listLayerVersions(b -> b.layerName("crowded")).layerVersions())
                .isEmpty();
        assertThat(lambda.listLayerVersions(b -> b.layerName("bomb")).layerVersions())
                .isEmpty();
    }

    @Test
    void aPackageAndItsLayersTogetherMustStayWithinTheUnzippedLimit() {
        int layerSize = UNZIPPED_LIMIT * 6 / 10;
        String big = lambda.publishLayerVersion(b -> b.layerName("big")
                        .content(c -> c.zipFile(SdkBytes.fromByteArray(Zips.incompressible("opt/big.bin", layerSize)))))
                .layerVersionArn();
        String bigger = lambda.publishLayerVersion(b -> b.layerName("bigger")
                        .content(c ->
                                c.zipFile(SdkBytes.fromByteArray(Zips.incompressible("opt/bigger.bin", layerSize)))))
                .layerVersionArn();
        long total = 2L * layerSize + "def lambda_handler(event, context):\n    return event\n".length();

        String message = "Function code combined with layers exceeds the maximum allowed size of " + UNZIPPED_LIMIT
                + " bytes. The actual size is " + total + " bytes.";
        assertAwsError(
                () -> lambda.createFunction(
                        FunctionApiIT.create("heavy").layers(big, bigger).build()),
                "InvalidParameterValueException",
                400,
                message);
        assertThat(lambda.listFunctions().functions()).isEmpty();

        lambda.createFunction(FunctionApiIT.create("heavy").layers(big).build());
        assertAwsError(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("heavy").layers(big, bigger)),
                "InvalidParameterValueException",
                400,
                message);
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("heavy")).layers())
                .extracting(Layer::arn)
                .containsExactly(big);
    }

    private PublishLayerVersionResponse publish(String name, String runtime) {
        return lambda.publishLayerVersion(b -> b.layerName(name)
                .content(c -> c.zipFile(SdkBytes.fromByteArray(Zips.of("python/" + name + ".py", name))))
                .compatibleRuntimesWithStrings(runtime));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
