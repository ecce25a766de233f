package org.jbpf.it.verifier;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.examples.EventSampler;
import org.jbpf.examples.ExecPerfEvents;
import org.jbpf.examples.ExecRingEvents;
import org.jbpf.examples.HelloPrintk;
import org.jbpf.examples.OpenCounter;
import org.jbpf.examples.PerCpuCounters;
import org.jbpf.examples.ProcessCounter;
import org.jbpf.examples.ReadLatency;
import org.jbpf.loader.VerifierException;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.testsupport.Kernel;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/**
 * Every program the translator makes from the examples is judged by the simulated verifier and by the running
 * kernel, one program at a time; the simulator must not accept anything the kernel refuses, and since the
 * examples are meant to load, both should accept them all.
 */
class TranslatedProbesAgreementTest {
    private static final List<Class<?>> PROBES = List.of(ProcessCounter.class, OpenCounter.class, ReadLatency.class,
            HelloPrintk.class, PerCpuCounters.class, ExecRingEvents.class, ExecPerfEvents.class, EventSampler.class,
            // the differential-test probes: loops, switches, narrowing, structs, every helper
            org.jbpf.it.semantics.Semantics.class, org.jbpf.it.semantics.HelperValues.class,
            org.jbpf.it.semantics.StructOrMapValue.class);

    private static void requireKernel() {
        Kernel.require();
    }

    @Test
    void simulatorAcceptsEveryTranslatedExample() {
        List<String> rejected = new ArrayList<>();
        for (Class<?> probe : PROBES)
            for (VerifierResult r : Verifier.verifyAll(Translator.translate(probe)))
                if (!r.ok()) rejected.add(probe.getSimpleName() + "." + r);
        assertEquals(List.of(), rejected);
    }

    @Test
    void simulatorAndKernelAgreeOnTranslatedExamples() {
        requireKernel();
        StringBuilder table = new StringBuilder();
        int agree = 0, total = 0;
        List<String> laxer = new ArrayList<>(), stricter = new ArrayList<>();
        for (Class<?> probe : PROBES) {
            BpfObject obj = Translator.translate(probe);
            for (ProgramSpec p : obj.programs()) {
                BpfObject single = new BpfObject(obj.name(), obj.license(), obj.maps(), List.of(p), obj.btf(), obj.globals());
                VerifierResult sim = Verifier.verify(single, p);
                String kernel = "accept";
                try (BPF loaded = BPF.load(single)) {
                    // loaded: the kernel accepted it
                } catch (VerifierException e) {
                    kernel = "reject";
                }
                total++;
                boolean simOk = sim.ok();
                if (simOk == kernel.equals("accept")) agree++;
                else if (simOk) laxer.add(probe.getSimpleName() + "." + p.name());
                else stricter.add(probe.getSimpleName() + "." + p.name() + ": " + sim);
                table.append(String.format("%-40s kernel=%s sim=%s%n", probe.getSimpleName() + "." + p.name(), kernel,
                        simOk ? "accept" : "reject"));
            }
        }
        table.append(String.format("translated examples: %d of %d agree%n", agree, total));
        System.out.print(table);
        assertEquals(List.of(), laxer, "the simulator accepted programs the kernel rejects");
        assertEquals(List.of(), stricter, "the simulator rejected programs the kernel accepts");
        assertTrue(total >= PROBES.size());
    }
}
