package org.jbpf.it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.events.Record64;
import org.jbpf.examples.events.RingFlood;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.Codecs;
import org.junit.jupiter.api.Test;

/** A reusing ring buffer reader decodes every record of a real probe into one refilled @Struct object. */
class RingReuseTest {

    @Test
    void everyRecordIsDecodedIntoTheSameObject() {
        KernelCheck.require();
        List<Long> seqs = new ArrayList<>();
        Map<Record64, Boolean> objects = new IdentityHashMap<>();
        try (BPF bpf = BPF.load(org.jbpf.translator.Translator.translate(RingFlood.class), RingFlood.class);
             RingBufferReader<Record64> reader = RingBufferReader.openReusing(bpf.loaded().map("events"), Codecs.of(Record64.class),
                     r -> {
                         seqs.add(r.seq);
                         objects.put(r, true);
                     })) {
            bpf.program("produce").testRun(new byte[64], 40);
            assertEquals(40, reader.consume());
        }
        List<Long> want = new ArrayList<>();
        for (long i = 0; i < 40; i++) want.add(i);
        assertEquals(want, seqs, "each record's own sequence number, in order");
        assertEquals(1, objects.size(), "one object for all records");
    }
}
