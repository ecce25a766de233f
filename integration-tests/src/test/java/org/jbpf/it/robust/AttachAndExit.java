package org.jbpf.it.robust;

import org.jbpf.BPF;
import org.jbpf.examples.ProcessCounter;

/** Child JVM: loads and attaches a translated example, reports the kernel ids it holds, and exits without close(). */
public final class AttachAndExit {
    public static void main(String[] args) throws Exception {
        BPF bpf = BPF.loadAndAttach(ProcessCounter.class);
        System.out.println("prog_ids=" + ProcessResources.ids("prog_id"));
        System.out.println("link_ids=" + ProcessResources.ids("link_id"));
        System.out.println("attached " + bpf.links().size());
        System.out.flush();
        Runtime.getRuntime().halt(0);  // no close(), no shutdown hooks
    }
}
