package dev.ignis.eventsource.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Certificates for TLS tests, made by the JDK's own {@code keytool} (run as a process) in a temporary
 * directory: a root CA, certificates it signed for a broker on localhost and for a client, and a
 * second, unrelated CA with a client certificate of its own. Everything is PEM, as the secrets hold it.
 */
final class TlsMaterial {

    private static final String PASSWORD = "changeit";

    final String caCertificate;
    final String brokerChain;
    final String brokerKey;
    final String clientChain;
    final String clientKey;
    final String otherCaCertificate;
    final String otherClientChain;
    final String otherClientKey;

    private final Path dir;

    TlsMaterial() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("ignis-tls");
        caCertificate = authority("ca");
        brokerChain = signed("broker", "ca", "localhost", "SAN=dns:localhost,ip:127.0.0.1") + caCertificate;
        brokerKey = key("broker");
        clientChain = signed("client", "ca", "ignis-client", null) + caCertificate;
        clientKey = key("client");
        otherCaCertificate = authority("other");
        otherClientChain = signed("stranger", "other", "stranger", null) + otherCaCertificate;
        otherClientKey = key("stranger");
    }

    /** A self-signed CA; its certificate, PEM. */
    private String authority(String alias) throws IOException, InterruptedException {
        keytool(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=" + alias,
                "-ext",
                "bc:c",
                "-validity",
                "2",
                "-keystore",
                store(alias));
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", store(alias), "-file", file(alias + ".pem"));
        return Files.readString(dir.resolve(alias + ".pem"));
    }

    /** A key pair whose certificate {@code ca} signed; that certificate, PEM. */
    private String signed(String alias, String ca, String name, String san) throws IOException, InterruptedException {
        keytool(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=" + name,
                "-validity",
                "2",
                "-keystore",
                store(alias));
        keytool("-certreq", "-alias", alias, "-keystore", store(alias), "-file", file(alias + ".csr"));
        List<String> sign = new ArrayList<>(List.of(
                "-gencert",
                "-rfc",
                "-alias",
                ca,
                "-keystore",
                store(ca),
                "-validity",
                "2",
                "-infile",
                file(alias + ".csr"),
                "-outfile",
                file(alias + ".pem")));
        if (san != null) {
            sign.addAll(List.of("-ext", san));
        }
        keytool(sign.toArray(String[]::new));
        return Files.readString(dir.resolve(alias + ".pem"));
    }

    /** The private key of {@code alias}, unencrypted PKCS#8 PEM. */
    private String key(String alias) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(alias + ".p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            PrivateKey key = (PrivateKey) store.getKey(alias, PASSWORD.toCharArray());
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private String store(String alias) {
        return file(alias + ".p12");
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
