package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the random kernel tests read the verifier's complaint out of a loader's message. */
class VerifierReasonTest {
    private static final String HEAD = "the kernel verifier rejected program \"run\" (section xdp) at P6.java:103 (P6.java:103), instruction 281 [E2BIG];"
            + " last lines of the verifier log:\n";
    private static final String SUMMARY = "\n  processed 1000001 insns (limit 1000000) max_states_per_insn 40 total_states 64650 peak_states 517 mark_read 0";

    @Test
    void theLineBeforeTheSummaryIsTheComplaintWithItsNumbersAndRegistersLeftOut() {
        assertEquals("BPF program is too large. Processed N insn", RandomProbesKernelTest.verifierReason(HEAD
                + "  280: (7b) *(u64 *)(r10 -272) = r7     ; R7=scalar(id=22686) R10=fp0\n  281: (b4) w2 = -1\n"
                + "  BPF program is too large. Processed 1000001 insn" + SUMMARY));
        assertEquals("R invalid mem access 'scalar'", RandomProbesKernelTest.verifierReason(HEAD
                + "  12: (79) r0 = *(u64 *)(r1 +0)\n  R1 invalid mem access 'scalar'" + SUMMARY));
    }

    @Test
    void aLimitsComplaintAfterAnInstructionsTraceOnItsLineIsTheComplaintAlone() {
        assertEquals("BPF program is too large. Processed N insn", RandomProbesKernelTest.verifierReason(HEAD
                + "  263: (56) if w0 != 0x0 goto pc+2 BPF program is too large. Processed 1000001 insn" + SUMMARY));
        assertEquals("BPF program is too large. Processed N insn", RandomProbesKernelTest.verifierReason(HEAD
                + "  266: R0=scalar(id=3) R1=0 R10=fp0BPF program is too large. Processed 1000001 insn" + SUMMARY));
        assertEquals("The sequence of N jumps is too complex.", RandomProbesKernelTest.verifierReason(HEAD
                + "  4100: (55) if r1 != 0x0 goto pc+1 The sequence of 8193 jumps is too complex." + SUMMARY));
    }

    @Test
    void anInstructionsTraceWithoutALimitsComplaintStaysWhatItIs() {
        // not a limit: the harness must see it as the failure it is
        assertEquals("N: (bN) wN = N", RandomProbesKernelTest.verifierReason(HEAD + "  281: (b4) w2 = -1" + SUMMARY));
    }
}
