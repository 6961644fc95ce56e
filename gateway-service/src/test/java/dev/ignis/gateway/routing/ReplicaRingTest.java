package dev.ignis.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplicaRingTest {

    static final List<URI> THREE =
            List.of(URI.create("http://a:8082"), URI.create("http://b:8082"), URI.create("http://c:8082"));

    @Test
    void everyFunctionHasAStableOwnerAndEveryReplicaAsFallback() {
        ReplicaRing ring = new ReplicaRing(THREE, 64);
        List<URI> order = ring.preference("orders");

        assertThat(order).containsExactlyInAnyOrderElementsOf(THREE);
        assertThat(new ReplicaRing(THREE, 64).preference("orders")).isEqualTo(order);
    }

    @Test
    void functionsSpreadOverAllReplicas() {
        ReplicaRing ring = new ReplicaRing(THREE, 64);
        Map<URI, Integer> owners = new HashMap<>();
        IntStream.range(0, 3000)
                .forEach(i -> owners.merge(ring.preference("fn-" + i).getFirst(), 1, Integer::sum));

        assertThat(owners).hasSize(3);
        assertThat(owners.values()).allSatisfy(count -> assertThat(count).isBetween(600, 1400));
    }

    @Test
    void removingAReplicaMovesOnlyItsOwnFunctions() {
        ReplicaRing before = new ReplicaRing(THREE, 64);
        ReplicaRing after = new ReplicaRing(THREE.subList(0, 2), 64);
        long moved = IntStream.range(0, 3000)
                .mapToObj(i -> "fn-" + i)
                .filter(fn -> !before.preference(fn).getFirst().equals(THREE.get(2)))
                .filter(fn -> !before.preference(fn)
                        .getFirst()
                        .equals(after.preference(fn).getFirst()))
                .count();

        assertThat(moved).isZero();
    }

    @Test
    void everyFormOfAFunctionNameHashesAlike() {
        assertThat(FunctionKeys.of("/2015-03-31/functions/orders/invocations")).isEqualTo("orders");
        assertThat(FunctionKeys.of("/2015-03-31/functions/orders:live/invocations"))
                .isEqualTo("orders");
        assertThat(FunctionKeys.of("/2015-03-31/functions/000000000000:function:orders/invocations"))
                .isEqualTo("orders");
        assertThat(
                        FunctionKeys.of(
                                "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Aorders%3A3/invocations"))
                .isEqualTo("orders");
    }
}
