package dev.ignis.invocation.environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens the function variables the registry sealed ({@code v1:<keyId>:<base64(nonce||ciphertext)>},
 * AES-256-GCM with the key id as associated data, a JSON object inside). The key is the registry's, read from the shared secret file
 * the first time a function with variables starts: the registry creates it before any such
 * function exists.
 */
public final class SealedVariables {

    private static final int NONCE_BYTES = 12;
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    private final Path keyFile;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile SecretKeySpec key;

    public SealedVariables(Path keyFile) {
        this.keyFile = keyFile;
    }

    Map<String, String> open(String sealed) {
        if (sealed == null || sealed.isBlank()) {
            return Map.of();
        }
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalArgumentException("Unknown sealed environment format");
        }
        byte[] all = Base64.getDecoder().decode(parts[2]);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            cipher.updateAAD(parts[1].getBytes(StandardCharsets.UTF_8)); // the key id is authenticated too
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return json.readValue(new String(plain, StandardCharsets.UTF_8), MAP);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot open the environment with the key in " + keyFile + " (sealed with key " + parts[1] + ")",
                    e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            try {
                current = new SecretKeySpec(
                        Base64.getDecoder().decode(Files.readString(keyFile).trim()), "AES");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the environment key " + keyFile, e);
            }
            key = current;
        }
        return current;
    }
}
