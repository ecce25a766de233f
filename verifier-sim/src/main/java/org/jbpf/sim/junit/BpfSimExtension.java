package org.jbpf.sim.junit;

import org.jbpf.sim.interp.Interpreter;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for unit-testing probes without root or a kernel: a test method declares a
 * {@link BpfSimulator} parameter, loads its object, sets helper values, runs a program on a context it builds
 * and asserts on maps and emitted events. When a test fails, the trace_printk output of the run is printed.
 * The object comes from the translator ({@code org.jbpf:jbpf-translator}) or from a .o file
 * ({@code ObjectReader.read}).
 *
 * <pre>{@code
 * @ExtendWith(BpfSimExtension.class)
 * class ProcessCounterTest {
 *     @Test void countsPerProcess(BpfSimulator sim) {
 *         BpfObject object = Translator.translate(ProcessCounter.class);
 *         Interpreter bpf = sim.load(object);
 *         bpf.helpers().pidTgid(42, 42);
 *         bpf.run("countProcesses", new byte[64]);
 *         assertEquals(1L, bpf.map("processCount").getLong(42));
 *     }
 * }
 * }</pre>
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
