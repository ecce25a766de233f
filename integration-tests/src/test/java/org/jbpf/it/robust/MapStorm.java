package org.jbpf.it.robust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.Codecs;

/**
 * Child JVM of {@link MapMemoryStormTest}: {@code threads} threads doing put and get on one 100,000-entry hash map,
 * each on its own keys so every get can be checked against the thread's last put, while the main thread takes
 * {@code samples} samples a second apart. Prints one line per sample, {@code rss=<kB> ops=<n>}, then stops the
 * threads and prints {@code wrong=<n>}; an OutOfMemoryError ends the JVM (the test starts it with
 * -XX:+ExitOnOutOfMemoryError). The storm lasts as many samples as asked, however late a loaded machine wakes the
 * sampler, so the count of lines never depends on the load.
 */
public final class MapStorm {
    static final int ENTRIES = 100_000;

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int samples = Integer.parseInt(args[1]);
        AtomicLong ops = new AtomicLong(), wrong = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        try (BPF bpf = BPF.load(new BpfObject("storm", "GPL",
                List.of(new MapSpec("storm", MapTypes.HASH, 4, 8, ENTRIES, 0, 0, 0)), List.of(), null))) {
            BpfMap<Integer, Long> map = bpf.map("storm", Codecs.INT, Codecs.LONG);
            List<Thread> workers = new ArrayList<>();
            int perThread = ENTRIES / threads;
            for (int t = 0; t < threads; t++) {
                int first = t * perThread;
                Thread w = new Thread(() -> {
                    long round = 0;
                    int k = first;
                    while (!stop.get()) {
                        round++;
                        for (int i = 0; i < 1024; i++) {
                            long v = round * ENTRIES + k;
                            map.put(k, v);
                            Long got = map.get(k);
                            if (got == null || got != v) wrong.incrementAndGet();
                            if (++k == first + perThread) k = first;
                        }
                        ops.addAndGet(2048);
                    }
                });
                workers.add(w);
                w.start();
            }
            for (int i = 0; i < samples; i++) {
                Thread.sleep(1000);
                System.out.println("rss=" + rssKb() + " ops=" + ops.get());
            }
            stop.set(true);
            for (Thread w : workers) w.join();
        }
        System.out.println("wrong=" + wrong.get());
    }

    static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        return -1;
    }
}
