package org.jbpf.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.loader.fake.FakeBpf;
import org.jbpf.loader.sys.BpfException;
import org.junit.jupiter.api.Test;

/** Map parameters the kernel always refuses are refused before bpf(2), naming the map and the parameter. */
class MapParametersTest {
    private static MapSpec map(int type, int key, int value, int entries) { return new MapSpec("counts", type, key, value, entries, 0, 0, 0); }

    @Test void aDamagedMapIsRefusedBeforeAnySystemCall() {
        FakeBpf kernel = new FakeBpf();
        ProgramSpec prog = new ProgramSpec("count", "tracepoint/syscalls/sys_enter_getpid", List.of(Insn.mov64Imm(0, 0), Insn.exit()), List.of());
        BpfObject obj = new BpfObject("Probe", "GPL", List.of(map(MapTypes.HASH, 4, 8, 0)), List.of(prog), null);
        BpfException e = assertThrows(BpfException.class, () -> new Loader(BtfEncoder.core(), kernel).load(obj));
        assertEquals("map \"counts\" (hash) has max_entries 0; it needs room for at least one entry", e.getMessage());
        assertEquals(List.of(), kernel.calls());
    }

    @Test void eachCommonTypesFixedSizesAreNamed() {
        assertEquals("map \"counts\" has no map type (type 0); declare it, e.g. __uint(type, BPF_MAP_TYPE_HASH)",
                MapParameters.problem(map(0, 4, 8, 16)));
        assertEquals("map \"counts\" (hash) has a key of 0 bytes; a hash map needs a key", MapParameters.problem(map(MapTypes.HASH, 0, 8, 16)));
        assertEquals("map \"counts\" (array) has a key of 8 bytes; an array's key is its 4-byte index",
                MapParameters.problem(map(MapTypes.ARRAY, 8, 8, 16)));
        assertEquals("map \"counts\" (percpu_array) has a value of 0 bytes; give its value a type or a size",
                MapParameters.problem(map(MapTypes.PERCPU_ARRAY, 4, 0, 16)));
        assertEquals("map \"counts\" (lru_hash) has a negative size (key 4, value 8, max_entries -1); the object is damaged: build it again",
                MapParameters.problem(map(MapTypes.LRU_HASH, 4, 8, -1)));
        assertEquals("map \"counts\" (ringbuf) has max_entries 5000; a ring buffer's size in bytes is a power of 2 and a multiple of the "
                + "page size, e.g. 262144", MapParameters.problem(map(MapTypes.RINGBUF, 0, 0, 5000)));
        assertEquals("map \"counts\" (queue) has a key of 4 bytes; a queue or stack has no key (0)", MapParameters.problem(map(MapTypes.QUEUE, 4, 8, 16)));
        assertEquals("map \"counts\" (perf_event_array) has a key of 4 and a value of 8 bytes; a perf event array's are 4 and 4",
                MapParameters.problem(map(MapTypes.PERF_EVENT_ARRAY, 4, 8, 0)));
    }

    @Test void soundParametersAndTypesLeftToTheKernelPass() {
        assertNull(MapParameters.problem(map(MapTypes.HASH, 4, 8, 1024)));
        assertNull(MapParameters.problem(map(MapTypes.ARRAY, 4, 64, 1)));
        assertNull(MapParameters.problem(map(MapTypes.PERF_EVENT_ARRAY, 4, 4, 0)), "0: one slot per CPU");
        assertNull(MapParameters.problem(map(MapTypes.RINGBUF, 0, 0, 1 << 18)));
        assertNull(MapParameters.problem(map(MapTypes.TASK_STORAGE, 4, 8, 0)), "local storage has no max_entries");
    }
}
