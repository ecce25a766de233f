package org.jbpf.loader.sys;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jbpf.core.program.ProgramTypes;
import org.junit.jupiter.api.Test;

class BpfAttrsTest {

    private static ByteBuffer le(byte[] b) { return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN); }

    @Test
    void mapCreatePutsEachFieldAtItsUapiOffset() {
        ByteBuffer b = le(BpfAttrs.mapCreate(1, 4, 8, 1024, 0x10, "counts", 7, 3, 5).bytes());
        assertEquals(1, b.getInt(0));
        assertEquals(4, b.getInt(4));
        assertEquals(8, b.getInt(8));
        assertEquals(1024, b.getInt(12));
        assertEquals(0x10, b.getInt(16));
        assertEquals('c', b.get(28));
        assertEquals('s', b.get(33));
        assertEquals(0, b.get(34));
        assertEquals(7, b.getInt(48));
        assertEquals(3, b.getInt(52));
        assertEquals(5, b.getInt(56));
        for (int i = 60; i < BpfAttr.SIZE; i++) assertEquals(0, b.get(i), "byte " + i + " must stay zero");
    }

    @Test
    void mapWithoutBtfLeavesBtfFieldsZero() {
        ByteBuffer b = le(BpfAttrs.mapCreate(2, 4, 8, 1, 0, "a", 0, 3, 5).bytes());
        assertEquals(0, b.getInt(48));
        assertEquals(0, b.getInt(52));
        assertEquals(0, b.getInt(56));
    }

    @Test
    void objectNamesAreTruncatedTo15CharactersAndSanitized() {
        assertEquals("a_very_long_map", BpfAttrs.objectName("a_very_long_map_name"));
        assertEquals(15, BpfAttrs.objectName("abcdefghijklmnopqrstuvwxyz").length());
        assertEquals("Probe_count", BpfAttrs.objectName("Probe$count"));
        byte[] attr = BpfAttrs.mapCreate(1, 4, 4, 1, 0, "abcdefghijklmnopqrstuvwxyz", 0, 0, 0).bytes();
        assertEquals('o', attr[28 + 14]);
        assertEquals(0, attr[28 + 15], "name must end in NUL inside its 16 bytes");
    }

    @Test
    void progLoadFields() {
        BpfAttr a = new BpfAttrs.ProgLoad().type(ProgramTypes.XDP).expectedAttachType(ProgramTypes.ATTACH_XDP)
                .insns(BpfAttr.copyOf(new byte[16]), 2).license("GPL").name("my_prog").btf(9)
                .funcInfo(BpfAttr.copyOf(new byte[8]), 1).lineInfo(BpfAttr.copyOf(new byte[32]), 2).attr();
        ByteBuffer b = le(a.bytes());
        assertEquals(ProgramTypes.XDP, b.getInt(0));
        assertEquals(2, b.getInt(4));
        assertNotEquals(0, b.getLong(8), "insns pointer");
        assertNotEquals(0, b.getLong(16), "license pointer");
        assertEquals('m', b.get(48));
        assertEquals(37, b.getInt(68));
        assertEquals(9, b.getInt(72));
        assertEquals(8, b.getInt(76));
        assertNotEquals(0, b.getLong(80));
        assertEquals(1, b.getInt(88));
        assertEquals(16, b.getInt(92));
        assertNotEquals(0, b.getLong(96));
        assertEquals(2, b.getInt(104));
    }

    @Test
    void elemBatchAndLinkLayouts() {
        ByteBuffer e = le(BpfAttrs.mapElem(5, null, null, 2).bytes());
        assertEquals(5, e.getInt(0));
        assertEquals(2, e.getLong(24));
        ByteBuffer bt = le(BpfAttrs.batch(6, null, null, null, null, 64, 0).bytes());
        assertEquals(64, bt.getInt(32));
        assertEquals(6, bt.getInt(36));
        ByteBuffer l = le(BpfAttrs.linkCreate(3, 4, ProgramTypes.ATTACH_PERF_EVENT, 0).bytes());
        assertEquals(3, l.getInt(0));
        assertEquals(4, l.getInt(4));
        assertEquals(41, l.getInt(8));
    }

    @Test
    void perfEventAttrLayout() {
        ByteBuffer b = le(new PerfEventAttr(PerfEventAttr.PERF_TYPE_TRACEPOINT, 1234).config2(0x40).bytes());
        assertEquals(2, b.getInt(0));
        assertEquals(PerfEventAttr.SIZE, b.getInt(4));
        assertEquals(1234, b.getLong(8));
        assertEquals(0x40, b.getLong(64));
    }

    @Test
    void errnoNamesAndHints() {
        assertEquals("EPERM", Errno.name(1));
        assertEquals("errno 999", Errno.name(999));
        BpfException e = new BpfException("BPF_MAP_CREATE of map \"m\"", Errno.EPERM);
        assertEquals("BPF_MAP_CREATE of map \"m\" failed: EPERM: needs CAP_BPF/CAP_SYS_ADMIN (run as root)", e.getMessage());
        assertEquals(Errno.EPERM, e.errno());
    }
}
