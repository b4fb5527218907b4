package vexfs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LongIntHashMapTest {
    @Test
    void behavesLikeHashMapUnderRandomOperations() {
        Random rnd = new Random(3);
        LongIntHashMap m = new LongIntHashMap(4);
        Map<Long, Integer> ref = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            // small key range forces collisions, long probe runs and many backward shifts
            long key = rnd.nextBoolean() ? rnd.nextInt(3000) : (long) rnd.nextInt(3000) << 40 | Long.MIN_VALUE;
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    int v = rnd.nextInt(1 << 30);
                    Integer old = ref.put(key, v);
                    assertEquals(old == null ? -1 : old, m.put(key, v));
                }
                case 1 -> {
                    Integer old = ref.remove(key);
                    assertEquals(old == null ? -1 : old, m.remove(key));
                }
                default -> assertEquals(ref.getOrDefault(key, -1).intValue(), m.get(key));
            }
            assertEquals(ref.size(), m.size());
        }
        for (Map.Entry<Long, Integer> e : ref.entrySet()) {
            assertEquals(e.getValue().intValue(), m.get(e.getKey()));
        }
    }
}
