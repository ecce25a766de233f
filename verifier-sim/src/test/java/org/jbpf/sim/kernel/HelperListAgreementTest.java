package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfReader;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.helper.KernelHelperList;
import org.jbpf.core.helper.KernelHelperList.Listing;
import org.jbpf.core.helper.KernelHelperList.Row;
import org.jbpf.sim.verifier.ProgramKind;
import org.junit.jupiter.api.Test;

/**
 * Generates core's helper list from the running kernel and compares it with the one jbpf ships: helper ids and names
 * from {@code enum bpf_func_id} in /sys/kernel/btf/vmlinux, and for each program type the simulator models, the
 * helpers that kernel's verifier offers it. Run with {@code -Djbpf.helpers.write=true} to rewrite the shipped list.
 */
class HelperListAgreementTest {
    private static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");
    private static final Path SHIPPED = Path.of("../core/src/main/resources/org/jbpf/core/helper", KernelHelperList.RESOURCE);

    /** enum bpf_func_id of the kernel's BTF (unspec, 0, included), without the count at its end. */
    static Map<Integer, String> kernelHelperNames() throws IOException {
        Btf btf = BtfReader.read(Files.readAllBytes(VMLINUX), VMLINUX.toString()).btf();
        BtfType.Enum ids = (BtfType.Enum) btf.type(btf.find(BtfType.KIND_ENUM, "bpf_func_id"));
        Map<Integer, String> names = new java.util.TreeMap<>();
        for (BtfType.EnumValue v : ids.values())
            if (v.name().startsWith("BPF_FUNC_") && v.value() >= 0) names.put((int) v.value(), v.name().substring("BPF_FUNC_".length()));
        return names;
    }

    /**
     * True when the kernel's verifier offers helper {@code id} to a program of {@code kind}: a call of it is accepted
     * or refused only for its arguments (a message about a register), not for the program type.
     */
    static boolean offered(int id, ProgramKind kind) {
        byte[] code = Insn.encode(List.of(call(id), mov64Imm(R0, 0), exit()));
        KernelBpf.LoadResult r = kind == ProgramKind.TRACING ? TracingTargets.loadForVerdict(code)
                : KernelBpf.loadForVerdict(kind.programType, kind.expectedAttachType, code);
        if (r.accepted()) { KernelBpf.close(r.fd()); return true; }
        return KernelRunner.reason(r.log()).matches("R[0-9] .*");
    }

    /** The list as the running kernel gives it; cgroup_skb is probed once, its helpers do not depend on the direction. */
    static Listing fromKernel() throws IOException {
        Set<ProgramKind> kinds = new HashSet<>(Set.of(ProgramKind.values()));
        kinds.remove(ProgramKind.CGROUP_SKB_EGRESS);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Integer, String> h : kernelHelperNames().entrySet()) {
            Set<Integer> types = new TreeSet<>();
            for (ProgramKind k : kinds) if (offered(h.getKey(), k)) types.add(k.programType);
            rows.add(new Row(h.getKey(), h.getValue(), types));
        }
        return new Listing(System.getProperty("os.version"), kinds.stream().map(k -> k.programType).collect(Collectors.toSet()), rows);
    }

    @Test void theShippedListIsTheRunningKernels() throws IOException {
        KernelAgreementTest.assumeKernel();
        Listing live = fromKernel();
        if (Boolean.getBoolean("jbpf.helpers.write")) Files.writeString(SHIPPED, live.text());
        Listing shipped = KernelHelperList.load();
        System.out.println("kernel helpers: " + live.rows().size() + " on " + live.kernel() + "; shipped list from " + shipped.kernel());
        if (shipped.kernel().equals(live.kernel())) {
            assertEquals(shipped.text(), live.text(), "the shipped list differs from this kernel's: regenerate it with -Djbpf.helpers.write=true");
            return;
        }
        // another kernel: it may have more helpers or offer more, but what the list offers must be offered here too
        Map<Integer, Row> here = live.rows().stream().collect(Collectors.toMap(Row::id, Function.identity()));
        List<String> wrong = new ArrayList<>();
        for (Row r : shipped.rows()) {
            Row h = here.get(r.id());
            if (h == null || !h.name().equals(r.name())) wrong.add(r.line() + ": this kernel has " + (h == null ? "no such helper" : h.line()));
            else if (!h.programTypes().containsAll(r.programTypes())) wrong.add(r.line() + ": this kernel offers only " + h.line());
        }
        assertEquals(List.of(), wrong);
    }

    @Test void helpersNamedByTheKernelAreTheShippedOnes() throws IOException {
        KernelAgreementTest.assumeKernel();
        Map<Integer, String> names = kernelHelperNames();
        assertEquals("map_lookup_elem", names.get(1));
        assertEquals("fib_lookup", names.get(69));
        assertTrue(names.size() >= 211, names.size() + " helpers");
        for (Row r : KernelHelperList.load().rows()) if (names.containsKey(r.id())) assertEquals(names.get(r.id()), r.name());
    }
}
