package org.jbpf.toolchain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jbpf.runtime.BpfMap;

/**
 * Reads a stack trace map (key: stack id, value: up to MAX_DEPTH 64-bit instruction pointers, innermost first,
 * zero after the last) and names the frames: kernel addresses through {@link KernelSymbols}, user addresses through
 * the process's {@link ProcessSymbols} when it is known (else they stay in hex).
 */
public final class StackTraces {
    private StackTraces() {}

    /** Kernel addresses start at the top half of the address space on x86-64. */
    static boolean isKernel(long address) { return address < 0; }

    /** Each stack id with its frames' addresses, innermost first. */
    public static Map<Integer, long[]> read(BpfMap<byte[], byte[]> map) {
        Map<Integer, long[]> out = new TreeMap<>();
        for (Map.Entry<byte[], byte[]> e : map.entries()) {
            byte[] v = e.getValue();
            List<Long> frames = new ArrayList<>();
            for (int off = 0; off + 8 <= v.length; off += 8) {
                long ip = MapText.number(v, off, 8);
                if (ip == 0) break;
                frames.add(ip);
            }
            out.put((int) MapText.number(e.getKey(), 0, 4), frames.stream().mapToLong(Long::longValue).toArray());
        }
        return out;
    }

    /** The frames as names, innermost first. */
    public static List<String> symbolize(long[] frames, KernelSymbols kernel) {
        return symbolize(frames, kernel, null);
    }

    /** The frames as names, innermost first; user frames named in {@code user}'s process when it is not null. */
    public static List<String> symbolize(long[] frames, KernelSymbols kernel, ProcessSymbols user) {
        List<String> out = new ArrayList<>();
        for (long ip : frames)
            out.add(isKernel(ip) ? kernel.symbolize(ip) : user != null ? user.symbolize(ip) : String.format("0x%x", ip));
        return out;
    }

    /** One folded-stack line for flame graphs: frames outermost first, joined by ';', then the count. */
    public static String folded(List<String> innermostFirst, long count) {
        StringBuilder sb = new StringBuilder();
        for (int i = innermostFirst.size() - 1; i >= 0; i--) {
            if (sb.length() > 0) sb.append(';');
            sb.append(innermostFirst.get(i).replace(';', ':'));
        }
        return sb.append(' ').append(count).toString();
    }
}
