package dev.ignis.invocation.sandbox.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FilterRulesTest {

    private static NetworkPolicy policy(boolean outbound, boolean hostAccess) {
        return new NetworkPolicy(
                outbound,
                hostAccess,
                20001,
                8080,
                List.of(8081, 8082, 9092),
                20000,
                29999,
                List.of("192.0.2.2", "fd00::2"));
    }

    private static List<String> rules(NetworkPolicy policy) {
        return FilterRules.render(policy)
                .lines()
                .map(String::trim)
                .filter(line -> !line.startsWith("table") && !line.startsWith("chain") && !line.startsWith("type"))
                .filter(line -> !line.equals("}"))
                .toList();
    }

    @Test
    void opensOnlyTheOwnRuntimeApiAndTheGatewayOnTheHostThenClosesThePlatformAndOtherEnvironments() {
        List<String> rules = rules(policy(true, true));
        assertThat(rules)
                .containsSubsequence(
                        "oifname \"lo\" accept",
                        "ip daddr 10.0.2.2 tcp dport { 20001, 8080 } accept",
                        "ip daddr 10.0.2.2 tcp dport { 8081, 8082, 9092, 20000-29999 } reject with tcp reset",
                        "ip6 daddr fd00::2 reject",
                        "ip daddr { 169.254.0.0/16 } reject",
                        "ip6 daddr { fd00:ec2::254/128 } reject",
                        "ip daddr { 192.0.2.2 } reject",
                        "ip6 daddr { fd00::2 } reject",
                        "ip daddr 10.0.2.2 accept");
        assertThat(rules.getLast()).isEqualTo("ip daddr 10.0.2.2 accept");
    }

    @Test
    void withoutHostAccessTheHostIsClosedButForTheTwoDoors() {
        assertThat(rules(policy(true, false))).endsWith("ip daddr 10.0.2.2 reject");
    }

    @Test
    void underNoneNothingLeavesButThroughTheDoors() {
        assertThat(rules(policy(false, false))).endsWith("ip daddr 10.0.2.2 reject", "reject");
    }

    @Test
    void aGatewayElsewhereOpensNoHostPortButTheRuntimeApi() {
        NetworkPolicy remote = new NetworkPolicy(true, false, 20001, -1, List.of(), 20000, 29999, List.of());
        assertThat(rules(remote)).contains("ip daddr 10.0.2.2 tcp dport { 20001 } accept");
    }

    @Test
    void platformPortsComeFromUrlsAndBrokerLists() {
        assertThat(PlatformPorts.of(List.of("http://localhost:8081", "localhost:9092,127.0.0.1:9093")))
                .containsExactly(8081, 9092, 9093);
    }
}
