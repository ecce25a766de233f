package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.sim.Interpreter;
import org.jbpf.sim.junit.BpfSimExtension;
import org.jbpf.sim.junit.BpfSimulator;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The probe run in the verifier simulation's interpreter: no root, no kernel. */
@ExtendWith(BpfSimExtension.class)
class ExecCounterTest {
    @Test void countsPerProcess(BpfSimulator sim) {
        Interpreter bpf = sim.load(Translator.translate(ExecCounter.class));
        bpf.helpers().pidTgid(42, 42);
        bpf.run("countExec", new byte[64]);
        bpf.run("countExec", new byte[64]);
        assertEquals(2L, bpf.map("execs").getLong(42));
    }
}
