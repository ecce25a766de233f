package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/** The struct each event map carries is named in the object's BTF, so records print field by field. */
class EventRecordsTest {
    private static final Translator.ClassSource CLASSES = Translator.ClassSource.of(EventRecordsTest.class.getClassLoader());

    private static BpfObject translated(String internalName) throws Exception {
        return Backends.direct().translate(CLASSES.read(internalName), CLASSES, Translator.Options.DEFAULT);
    }

    @Test void reservedAndNewRecordsAreFoundFromTheBytecode() throws Exception {
        assertEquals(Map.of("events", "org/jbpf/examples/ProcessEvent"),
                EventRecords.recordTypes(CLASSES.read("org/jbpf/examples/ExecRingEvents")), "events.reserve(ProcessEvent.class)");
        assertEquals(Map.of("events", "org/jbpf/examples/ProcessEvent"),
                EventRecords.recordTypes(CLASSES.read("org/jbpf/examples/ExecPerfEvents")), "events.output(new ProcessEvent())");
        assertEquals(Map.of(), EventRecords.recordTypes(CLASSES.read("org/jbpf/examples/ProcessCounter")));
    }

    @Test void theRecordStructSurvivesTheObjectFileWithItsTextField() throws Exception {
        BpfObject o = ObjectReader.read(ObjectWriter.write(translated("org/jbpf/examples/ExecRingEvents")), "ExecRingEvents");
        BtfType.Struct s = EventRecords.of(o.btf(), "events");
        assertEquals("ProcessEvent", s.name());
        assertEquals(32, s.size());
        ByteBuffer record = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        record.putLong(0, 123456789L).putInt(8, 4242).put(12, "bash".getBytes(StandardCharsets.US_ASCII));
        assertEquals("{timestamp=123456789, pid=4242, comm=bash}", MapText.show(record.array(), s, o.btf(), false));
        assertNull(EventRecords.of(o.btf(), "other"));
    }

    @Test void perfRecordsAreNamedToo() throws Exception {
        BpfObject o = translated("org/jbpf/examples/ExecPerfEvents");
        BtfType.Struct s = EventRecords.of(o.btf(), "events");
        assertEquals("ProcessEvent", s.name());
        assertTrue(MapText.isCharText(o.btf(), s.members().get(2).type()), "comm is @CString");
    }

    @Test void nestedStructsAndArraysOfStructsPrintFieldByField() throws Exception {
        BpfObject o = translated("org/jbpf/toolchain/StructArrayEvents");
        BtfType.Struct s = EventRecords.of(o.btf(), "events");
        assertEquals("Trip", s.name());
        assertEquals(4 + 8 + 16, s.size(), "id@0, last@4 (8 bytes), hops[2]@12");
        ByteBuffer record = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(0, 7).putShort(4, (short) 443).putInt(8, 1500).putShort(12, (short) 22).putInt(16, 64).putShort(20, (short) 80).putInt(24, -1);
        assertEquals("{id=7, last={port=443, bytes=1500}, hops=[{port=22, bytes=64}, {port=80, bytes=-1}]}",
                MapText.show(record.array(), s, o.btf(), false));
    }
}
