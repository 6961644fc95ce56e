package dev.ignis.registry.config;

import dev.ignis.contracts.zip.ZipLimits;
import dev.ignis.registry.code.CodeStore;
import dev.ignis.registry.code.LocalDirectoryCodeStore;
import dev.ignis.registry.code.PackageIntake;
import dev.ignis.registry.code.ZipInspector;
import dev.ignis.registry.code.s3.S3CodeStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CodeStoreConfiguration {

    /** The S3 store is an {@code AutoCloseable}, so the context closes its client on shutdown. */
    @Bean
    CodeStore codeStore(RegistryProperties properties) {
        RegistryProperties.CodeStoreSettings store = properties.codeStore();
        return switch (store.type()) {
            case LOCAL -> new LocalDirectoryCodeStore(properties.codeDir());
            case S3 -> S3CodeStore.connect(store.s3(), properties.region());
        };
    }

    /** 20,000 entries and a 200:1 ratio are far above any real package and far below a bomb. */
    @Bean
    ZipInspector zipInspector(RegistryProperties properties) {
        return new ZipInspector(new ZipLimits(
                properties.maxUnzippedCodeBytes(),
                ZipLimits.LAMBDA.maxEntries(),
                ZipLimits.LAMBDA.maxCompressionRatio()));
    }

    /** Function and layer packages pass the same checks. */
    @Bean
    PackageIntake packageIntake(CodeStore codeStore, ZipInspector zipInspector, RegistryProperties properties) {
        return new PackageIntake(codeStore, zipInspector, properties.maxZippedCodeBytes());
    }
}
