package org.jbpf.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jbpf.loader.VerifierException;
import org.jbpf.toolchain.ObjectVerifier;
import org.junit.jupiter.api.Test;

/** A probe that does not load is one line: the kernel's refusal by its reason, the simulation's by its first problem. */
class ProbeFailureTest {
    private static final String LOG = "0: R1=ctx() R10=fp0\n0: (85) call bpf_trace_printk#6\n"
            + "cannot call GPL-restricted function from non-GPL compatible program\nprocessed 1 insns (limit 1000000)\n";

    @Test void aKernelRefusalIsItsHeadAndTheVerifiersReason() {
        VerifierException e = new VerifierException("the kernel verifier rejected program \"run\" (section tracepoint/x/y) at P.java:12; "
                + "last lines of the verifier log:\n0: (85) call bpf_trace_printk#6\ncannot call GPL-restricted function", "run", LOG, 0, null);
        assertEquals("probe com.acme.P not loaded: the kernel verifier rejected program \"run\" (section tracepoint/x/y) at P.java:12: "
                + "cannot call GPL-restricted function from non-GPL compatible program (" + ProbeFailure.HOW_TO_SEE_MORE + ")",
                ProbeFailure.line("com.acme.P", e));
        assertEquals("verifier log of program run:\n" + LOG.stripTrailing(), ProbeFailure.details(e));
    }

    @Test void aSimulationsRefusalIsItsFirstProblemAndHowManyMore() {
        ObjectVerifier.Outcome verdict = new ObjectVerifier.Outcome(List.of(), List.of(
                new ObjectVerifier.Problem("run", "P.java:12: value may be null here\nsecond line", "R0 invalid mem access 'map_value_or_null'"),
                new ObjectVerifier.Problem("other", "P.java:20: too deep", null)));
        assertEquals("probe com.acme.P not loaded: P.java:12: value may be null here (and 1 more; jbpf verify lists them all)",
                ProbeFailure.line("com.acme.P", ProbeFailure.refused(verdict)));
    }

    @Test void anyOtherFailureIsTheFirstLineOfItsMessage() {
        assertEquals("probe com.acme.P not loaded: no such tracepoint", ProbeFailure.line("com.acme.P",
                new IllegalStateException("no such tracepoint\n\tmore")));
        assertEquals("probe com.acme.P not loaded: IllegalStateException", ProbeFailure.line("com.acme.P", new IllegalStateException()));
        assertNull(ProbeFailure.details(new IllegalStateException("x")));
    }
}
