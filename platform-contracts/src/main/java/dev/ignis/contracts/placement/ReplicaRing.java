package dev.ignis.contracts.placement;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Consistent hashing of functions onto invocation-service replicas: each function has an owner
 * (where its warm environments live) and then a fixed order of fallbacks. Adding or removing a
 * replica moves only the functions on the ring segments it takes or gives up.
 *
 * <p>Every caller of a function (the gateway, the async workers, the pollers) places it with this
 * ring, keyed by the plain function name ({@code FunctionRef.functionName()}), so that every form
 * of the same function (name, ARN, any qualifier) lands on the same replica whoever calls it.
 */
public final class ReplicaRing {

    private final NavigableMap<Long, URI> ring = new TreeMap<>();
    private final int replicas;

    public ReplicaRing(List<URI> replicas, int virtualNodes) {
        this.replicas = new LinkedHashSet<>(replicas).size();
        for (URI replica : replicas) {
            for (int node = 0; node < virtualNodes; node++) {
                ring.put(hash(replica + "#" + node), replica);
            }
        }
    }

    public int size() {
        return replicas;
    }

    /** Where an invoke of {@code functionName} goes: its owner, then the fallbacks in ring order. */
    public Placement place(String functionName) {
        return new Placement(preference(functionName));
    }

    /** Every replica, the owner of {@code function} first, then the ones after it on the ring. */
    public List<URI> preference(String function) {
        Set<URI> order = new LinkedHashSet<>(replicas * 2);
        long point = hash(function);
        for (Map.Entry<Long, URI> entry : ring.tailMap(point, true).entrySet()) {
            if (order.add(entry.getValue()) && order.size() == replicas) {
                return new ArrayList<>(order);
            }
        }
        for (URI replica : ring.values()) {
            if (order.add(replica) && order.size() == replicas) {
                break;
            }
        }
        return new ArrayList<>(order);
    }

    /** 64-bit FNV-1a: cheap, stable across JVMs and well spread for short keys. */
    static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        // FNV's low bits mix poorly for near-identical keys; a final avalanche spreads them.
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}
