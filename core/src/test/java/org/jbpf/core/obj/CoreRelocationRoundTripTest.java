package org.jbpf.core.obj;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.btf.BtfType;
import org.junit.jupiter.api.Test;

/** CO-RE relocations survive writing and reading an object, in the entry function and in a subprogram moved to .text. */
class CoreRelocationRoundTripTest {
    @Test void relocationsReadBackOntoTheSameInstructions() {
        BpfObject sample = SampleObject.build();
        int event = sample.btf().find(BtfType.KIND_STRUCT, "Event");
        ProgramSpec count = sample.program("count_getpid").orElseThrow();
        List<ProgramSpec.CoreRelocation> relos = List.of(
                new ProgramSpec.CoreRelocation(6, event, "0:1", 2),   // r1 = 1: Event.count exists
                new ProgramSpec.CoreRelocation(12, event, "0", 9));   // r0 *= 2 in the subprogram: type size
        List<ProgramSpec> programs = new ArrayList<>(sample.programs());
        programs.set(0, new ProgramSpec(count.name(), count.section(), count.insns(), count.funcInfos(), relos));
        BpfObject obj = new BpfObject("sample", sample.license(), sample.maps(), programs, sample.btf());

        BpfObject back = ObjectReader.read(ObjectWriter.write(obj), "sample.o");
        assertEquals(relos, back.program("count_getpid").orElseThrow().coreRelocations());
        assertEquals(List.of(), back.program("record_getppid").orElseThrow().coreRelocations());
    }

    @Test void aRelocationOfAMissingInstructionIsRefusedWhenWriting() {
        BpfObject sample = SampleObject.build();
        ProgramSpec count = sample.program("count_getpid").orElseThrow();
        ProgramSpec bad = new ProgramSpec(count.name(), count.section(), count.insns(), count.funcInfos(),
                List.of(new ProgramSpec.CoreRelocation(99, 1, "0", 9)));
        BpfObject obj = new BpfObject("sample", sample.license(), sample.maps(), List.of(bad), sample.btf());
        assertEquals("object sample: program count_getpid (section tracepoint/syscalls/sys_enter_getpid) has a CO-RE relocation of "
                + "instruction 99 and type 1, which the program or its BTF does not have",
                assertThrows(ObjectFormatException.class, () -> ObjectWriter.write(obj)).getMessage());
    }
}
