package dev.ignis.registry.crypto;

import dev.ignis.registry.config.RegistryProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The environment key: inline from config, else from the key file (a mounted secret), else
 * generated once into the key file with owner-only permissions. Its id is a digest of the key, so
 * the same key always has the same id and no id needs configuring.
 */
@Configuration(proxyBeanMethods = false)
class CipherConfiguration {

    @Bean
    EnvironmentCipher environmentCipher(RegistryProperties properties) {
        byte[] key = properties.encryption().key().isBlank()
                ? keyFromFile(properties.encryption().keyFile())
                : Base64.getDecoder().decode(properties.encryption().key().trim());
        if (key.length != 32) {
            throw new IllegalStateException("ignis.registry.encryption key must be 32 bytes (base64)");
        }
        String id = keyId(key);
        SecretKey secret = new SecretKeySpec(key, "AES");
        return new EnvironmentCipher(id, Map.of(id, secret));
    }

    private static byte[] keyFromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the environment key " + file, e);
        }
    }

    static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
