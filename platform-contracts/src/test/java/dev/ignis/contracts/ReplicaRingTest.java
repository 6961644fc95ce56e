package dev.ignis.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.placement.Placement;
import dev.ignis.contracts.placement.ReplicaRing;
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
    void aFullReplicaSpillsToTheNextOnTheRingAndTheLastAnswerStands() {
        Placement placement = new ReplicaRing(THREE, 64).place("orders");
        List<URI> order = new ReplicaRing(THREE, 64).preference("orders");

        assertThat(placement.owner()).isEqualTo(order.getFirst());
        assertThat(placement.after(0, 429)).contains(order.get(1));
        assertThat(placement.after(1, 429)).contains(order.get(2));
        assertThat(placement.after(2, 429)).isEmpty();
    }

    @Test
    void onlyA429Spills() {
        Placement placement = new ReplicaRing(THREE, 64).place("orders");

        for (int status : new int[] {200, 404, 500, 502, 503}) {
            assertThat(placement.after(0, status)).as("status %d", status).isEmpty();
        }
        assertThat(new ReplicaRing(THREE.subList(0, 1), 64).place("orders").after(0, 429))
                .isEmpty();
    }

    @Test
    void aBlockingCallAsksTheOwnerThenSpillsUntilAnAnswerStands() {
        Placement placement = new ReplicaRing(THREE, 64).place("orders");
        List<URI> asked = new java.util.ArrayList<>();

        int status = placement.<Integer>call(
                replica -> {
                    asked.add(replica);
                    return asked.size() < 2 ? 429 : 200;
                },
                answer -> answer);

        assertThat(status).isEqualTo(200);
        assertThat(asked).containsExactlyElementsOf(placement.order().subList(0, 2));
        assertThat(placement.<Integer>call(replica -> 429, answer -> answer)).isEqualTo(429);
    }
}
