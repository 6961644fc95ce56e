package dev.ignis.bench.signing;

/** The key pair and region requests are signed with; {@link #toString()} never prints the secret. */
public record SigningKey(String accessKeyId, String secretAccessKey, String region) {

    @Override
    public String toString() {
        return "SigningKey[" + accessKeyId + ", " + region + "]";
    }
}
