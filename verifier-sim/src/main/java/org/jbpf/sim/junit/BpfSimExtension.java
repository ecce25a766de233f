package org.jbpf.sim.junit;

import org.jbpf.sim.interp.Interpreter;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for unit-testing probes without root or a kernel: a test method declares a
 * {@link BpfSimulator} parameter, loads its probe, sets helper values, runs a program on a context it builds
 * and asserts on maps and emitted events. When a test fails, the trace_printk output of the run is printed.
 *
 * <p>A probe class loads as a {@link SimProbe} (translated by {@code org.jbpf:jbpf-toolchain} on the test class
 * path), which speaks the probe's types: maps by their declaration, keys and values as the declared classes,
 * contexts and event records as {@code @Struct} objects:
 *
 * <pre>{@code
 * @ExtendWith(BpfSimExtension.class)
 * class ProcessCounterTest {
 *     @Test void countsPerProcess(BpfSimulator sim) {
 *         SimProbe bpf = sim.load(ProcessCounter.class);
 *         bpf.helpers().pidTgid(42, 42);
 *         bpf.run("countProcesses", new byte[64]);
 *         assertEquals(1L, bpf.map(ProcessCounter.processCount).get(42));
 *     }
 * }
 * }</pre>
 *
 * An object from elsewhere (a .o file through {@code ObjectReader.read}) loads as a byte-level
 * {@link org.jbpf.sim.interp.Interpreter}: {@code sim.load(object).map("processCount").getLong(42)}.
 */
public final class BpfSimExtension implements ParameterResolver, AfterTestExecutionCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BpfSimExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == BpfSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        BpfSimulator sim = new BpfSimulator();
        c.getStore(NS).put("sim", sim);
        return sim;
    }

    @Override
    public void afterTestExecution(ExtensionContext c) {
        BpfSimulator sim = c.getStore(NS).get("sim", BpfSimulator.class);
        if (sim == null || c.getExecutionException().isEmpty()) return;
        Interpreter in = sim.lastLoaded();
        if (in != null && !in.printk().isEmpty())
            System.out.println("trace_printk output of " + c.getDisplayName() + ":\n  " + String.join("\n  ", in.printk()));
    }
}
