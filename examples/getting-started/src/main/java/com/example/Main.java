package com.example;

import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.runtime.BpfMap;

/** The Java side: attaches ExecCounter, starts a few programs itself, and prints what the probe counted. */
public final class Main {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (BPF bpf = BPF.loadAndAttach(ExecCounter.class)) {
            BpfMap<Integer, Long> execs = bpf.map(ExecCounter.execs);
            // each child calls execve() twice from its own process id: the JDK's spawn helper, then /bin/true
            for (int i = 0; i < runs; i++) new ProcessBuilder("/bin/true").start().waitFor();
            long total = 0;
            for (Map.Entry<Integer, Long> e : execs.entries()) {
                System.out.println("pid " + e.getKey() + ": " + e.getValue() + " execve");
                total += e.getValue();
            }
            System.out.println("total execve: " + total);
        }
    }
}
