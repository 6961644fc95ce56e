package dev.ignis.launcher.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks components whether they are up, and ports whether they are free. */
public final class HealthProbe {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /**
     * True when the service's readiness group answers 200 (Spring answers 503 while not ready), at
     * {@code /readyz} on the service's own port: the gateway keeps the rest of its actuator on a
     * loopback management port.
     */
    public boolean isReady(URI serviceUrl) {
        HttpRequest request = HttpRequest.newBuilder(serviceUrl.resolve("/readyz"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The details of one health component of a service ({@code sandbox} of invocation-service:
     * type, isolation, network, limits), as {@code name: value} lines; empty when not reported.
     */
    public java.util.List<String> componentDetails(URI serviceUrl, String component) {
        HttpRequest request = HttpRequest.newBuilder(serviceUrl.resolve("/actuator/health/" + component))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            String body =
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            int details = body.indexOf("\"details\":{");
            if (details < 0) {
                return java.util.List.of();
            }
            java.util.List<String> lines = new java.util.ArrayList<>();
            java.util.regex.Matcher field = DETAIL.matcher(body.substring(details + 11));
            while (field.find()) {
                lines.add(field.group(1) + ": " + field.group(2).replace("\"", ""));
            }
            return lines;
        } catch (IOException e) {
            return java.util.List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.List.of();
        }
    }

    private static final java.util.regex.Pattern DETAIL =
            java.util.regex.Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|true|false|\\d+)");

    /** True when something accepts TCP connections on the address. */
    public static boolean isListening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when this process could bind the port on every interface (what the services do). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
