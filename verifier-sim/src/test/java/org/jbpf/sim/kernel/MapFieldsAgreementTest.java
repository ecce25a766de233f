package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfReader;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * Reads of a map's own fields through its map pointer, at offsets taken from the running kernel's {@code struct
 * bpf_map}: the kernel and the simulation must give the same verdict and, for a refusal, the same message.
 */
class MapFieldsAgreementTest {

    private static int offsetOf(BtfType.Struct s, String member) {
        return s.members().stream().filter(m -> m.name().equals(member)).findFirst().orElseThrow().bitOffset() / 8;
    }

    private static Corpus.Entry read(String name, boolean ok, String message, MapSpec map, Object... insns) {
        return new Corpus.Entry(name, Corpus.TP, List.of(map), List.of(Corpus.cat(ldMap(R1, map.name()), Corpus.cat(insns))), ok, message);
    }

    @Test
    void mapFieldsReadThroughTheMapPointerAgreeWithTheKernel() throws Exception {
        KernelAgreementTest.assumeKernel();
        Btf btf = BtfReader.read(Files.readAllBytes(Path.of("/sys/kernel/btf/vmlinux")), "vmlinux").btf();
        BtfType.Struct bpfMap = (BtfType.Struct) btf.type(btf.find(BtfType.KIND_STRUCT, "bpf_map"));
        int maxEntries = offsetOf(bpfMap, "max_entries"), ops = offsetOf(bpfMap, "ops");
        MapSpec hash = Corpus.HASH, array = Corpus.ARRAY, ring = Corpus.RINGBUF;
        List<Corpus.Entry> cases = new ArrayList<>();
        cases.add(read("hash_max_entries", true, null, hash, load(4, R0, R1, maxEntries), mov64Imm(R0, 0), exit()));
        cases.add(read("array_max_entries", true, null, array, load(4, R0, R1, maxEntries), mov64Imm(R0, 0), exit()));
        cases.add(read("ringbuf_max_entries", true, null, ring, load(4, R0, R1, maxEntries), mov64Imm(R0, 0), exit()));
        // a 4-byte field reads as a number below 2^32, not as a known value
        cases.add(read("max_entries_is_a_u32", true, null, hash, load(4, R2, R1, maxEntries), ldImm64(R3, 0xffffffffL),
                mov64Imm(R0, 0), jumpReg(JLE, R2, R3, 1), load(8, R0, R0, 0), exit()));
        cases.add(read("max_entries_is_not_known", false, "R0 invalid mem access 'scalar'", hash, load(4, R2, R1, maxEntries),
                mov64Imm(R0, 0), jumpImm(JEQ, R2, hash.maxEntries(), 1), load(8, R0, R0, 0), exit()));
        cases.add(read("max_entries_read_past_its_end", false, "access beyond the end of member max_entries (mend:"
                + (maxEntries + 4) + ") in struct bpf_map with off " + maxEntries + " size 8", hash, load(8, R0, R1, maxEntries),
                mov64Imm(R0, 0), exit()));
        cases.add(read("pointer_field_read_narrow", false, "cannot access ptr member ops with moff " + ops
                + " in struct bpf_map with off " + ops + " size 4", hash, load(4, R0, R1, ops), mov64Imm(R0, 0), exit()));
        cases.add(read("map_field_written", false, "only read from bpf_htab is supported", hash, storeImm(4, R1, maxEntries, 1),
                mov64Imm(R0, 0), exit()));
        cases.add(read("map_field_at_a_negative_offset", false, "R1 is bpf_array invalid negative access: off=-4", array,
                load(4, R0, R1, -4), mov64Imm(R0, 0), exit()));
        cases.add(read("map_field_past_the_struct", false, "access beyond struct bpf_htab at off 32000 size 4", hash,
                load(4, R0, R1, 32000), mov64Imm(R0, 0), exit()));
        List<String> problems = new ArrayList<>();
        for (Corpus.Entry e : cases) {
            KernelBpf.LoadResult k = KernelRunner.verify(e.section(), e.maps(), e.insns());
            VerifierResult s = KernelAgreementTest.simulate(e);
            String reason = KernelRunner.reason(k.log()), simReason = s.ok() ? "" : s.errors().get(0).kernelMessage();
            System.out.printf("  %-32s kernel %-6s simulation %-6s %s%n", e.name(), k.accepted() ? "accept" : "reject",
                    s.ok() ? "accept" : "reject", reason);
            if (k.accepted() != e.expectOk()) problems.add(e.name() + ": kernel " + (k.accepted() ? "accepts" : reason));
            if (s.ok() != k.accepted()) problems.add(e.name() + ": simulation " + s + ", kernel " + (k.accepted() ? "accepts" : reason));
            if (e.message() != null && !e.message().equals(reason)) problems.add(e.name() + ": kernel says '" + reason + "'");
            if (e.message() != null && !e.message().equals(simReason)) problems.add(e.name() + ": simulation says '" + simReason + "'");
        }
        assertEquals(List.of(), problems);
    }
}
