// The Java side of scripts/bench-ringbuf: records per second drained from a ring buffer by jbpf's RingBufferReader
// against libbpf's ring_buffer API (ringbuf_consumer.c), on the same producer program and ring, in one run.
// Each round fills the ring with 64-byte records (BPF_PROG_TEST_RUN with a repeat count), then times draining it.

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.events.Record64;
import org.jbpf.examples.events.RingBench;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfCmd;
import org.jbpf.loader.sys.Sys;
import org.jbpf.translator.Translator;

public final class RingBufferBench {
    static final int RECORDS = 500_000, ROUNDS = 15, WARMUP = 5;
    static final byte[] PACKET = new byte[64];
    static long checksum;

    public static void main(String[] args) throws Exception {
        String consumer = args[0];
        Path dir = Path.of("/sys/fs/bpf/jbpf-ringbench");
        try (BPF bpf = BPF.load(Translator.translate(RingBench.class), RingBench.class)) {
            Files.createDirectories(dir);
            Path mapPin = dir.resolve("events"), progPin = dir.resolve("produce");
            Files.deleteIfExists(mapPin);
            Files.deleteIfExists(progPin);
            pin(mapPin, bpf.loaded().map("events").fd().value());
            pin(progPin, bpf.program("produce").fd().value());
            try {
                double typed1 = java(bpf, true), raw1 = java(bpf, false);
                double c = c(consumer, mapPin, progPin);
                double typed2 = java(bpf, true), raw2 = java(bpf, false);
                double typed = Math.max(typed1, typed2), raw = Math.max(raw1, raw2);
                long failed = bpf.map(RingBench.counts).get(2);
                System.out.printf("records per round: %d of 64 bytes; rounds: %d (%d warm-up); failed reserves: %d%n", RECORDS, ROUNDS, WARMUP, failed);
                System.out.printf("C  (libbpf ring_buffer__consume):       %,14.0f records/s%n", c);
                System.out.printf("Java RingBufferReader, zero-copy view:   %,14.0f records/s  ratio Java/C %.2f%n", raw, raw / c);
                System.out.printf("Java RingBufferReader, decoded @Struct:  %,14.0f records/s  ratio Java/C %.2f%n", typed, typed / c);
                System.out.println("(median of the measured rounds; Java runs before and after C, the better of the two is shown)");
                if (checksum == 42) System.out.print("");
            } finally {
                Files.deleteIfExists(mapPin);
                Files.deleteIfExists(progPin);
                Files.deleteIfExists(dir);
            }
        }
    }

    static void pin(Path path, int fd) {
        Sys.bpf(BpfCmd.OBJ_PIN, BpfAttrs.objPin(path.toString(), fd), () -> "pinning " + path);
    }

    /** Median records/s of the rounds after warm-up. */
    static double java(BPF bpf, boolean typed) {
        List<Double> rates = new ArrayList<>();
        RingBufferReader<?> reader = typed
                ? bpf.ringBuffer(RingBench.events, Record64.class, (Record64 r) -> checksum += r.seq)
                : bpf.ringBuffer(RingBench.events, (ByteBuffer r) -> checksum += r.getLong(0));
        try (reader) {
            reader.consume();
            for (int round = 0; round < ROUNDS + WARMUP; round++) {
                bpf.program("produce").testRun(PACKET, RECORDS);
                long t0 = System.nanoTime();
                int n = reader.consume();
                long t1 = System.nanoTime();
                if (n != RECORDS) throw new IllegalStateException("drained " + n + " records, expected " + RECORDS);
                if (round >= WARMUP) rates.add(n * 1e9 / (t1 - t0));
            }
        }
        return median(rates);
    }

    static double c(String consumer, Path map, Path prog) throws Exception {
        Process p = new ProcessBuilder(consumer, map.toString(), prog.toString(), String.valueOf(RECORDS), String.valueOf(ROUNDS + WARMUP))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("C consumer failed: " + out);
        List<Double> rates = new ArrayList<>();
        String[] lines = out.trim().split("\n");
        for (int i = WARMUP; i < lines.length; i++) {
            String[] f = lines[i].trim().split(" ");
            if (Integer.parseInt(f[0]) != RECORDS) throw new IllegalStateException("C drained " + f[0] + " records, expected " + RECORDS);
            rates.add(Double.parseDouble(f[1]));
        }
        return median(rates);
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }
}
