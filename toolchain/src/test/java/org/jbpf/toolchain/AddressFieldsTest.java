package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/**
 * {@code @IpAddress} fields reach the object's BTF as {@code jbpf_ip_addr} and print as address text, in text and as
 * data; an unmarked short byte array prints as hex, not as a number.
 */
class AddressFieldsTest {
    private static BpfObject translated() throws Exception {
        Translator.ClassSource classes = Translator.ClassSource.of(AddressFieldsTest.class.getClassLoader());
        byte[] probe = classes.read("org/jbpf/toolchain/probes/Endpoints");
        BpfObject o = Backends.direct().translate(probe, classes, Translator.Options.DEFAULT);
        return ObjectReader.read(ObjectWriter.write(BtfMarks.apply(o, probe, classes)), "Endpoints");
    }

    private static BtfType.Struct value(BpfObject o) {
        Btf btf = o.btf();
        return (BtfType.Struct) btf.type(btf.resolve(o.map("ends").orElseThrow().btfValueType()));
    }

    private static byte[] ends() {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {127, 0, 0, 1});                                   // local
        b.put(new byte[] {10, 1, 2, (byte) 254});                           // remote, an int in network order
        b.put(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});   // local6
        b.put(new byte[] {1, 2, 3, 4});                                     // flags
        b.putLong(32, 7);                                                   // notAnAddress, 8-aligned: left unmarked
        return b.array();
    }

    @Test void marksAddressesOnlyWhereTheyFit() throws Exception {
        BpfObject o = translated();
        Map<String, String> marks = new LinkedHashMap<>();
        for (BtfType.Member m : value(o).members()) marks.put(m.name(), FieldMarks.markOf(o.btf(), m.type()));
        assertEquals("jbpf_ip_addr", marks.get("local"));
        assertEquals("jbpf_ip_addr", marks.get("remote"));
        assertEquals("jbpf_ip_addr", marks.get("local6"));
        assertNull(marks.get("flags"));
        assertNull(marks.get("notAnAddress"), "an 8-byte long is no address");
    }

    @Test void addressesPrintAsTextAndShortArraysAsHex() throws Exception {
        BpfObject o = translated();
        assertEquals("{local=127.0.0.1, remote=10.1.2.254, local6=2001:db8::1, flags=0x01020304, notAnAddress=7}",
                MapText.show(ends(), value(o), o.btf(), false));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("local", "127.0.0.1");
        expected.put("remote", "10.1.2.254");
        expected.put("local6", "2001:db8::1");
        expected.put("flags", "0x01020304");
        expected.put("notAnAddress", 7L);
        assertEquals(expected, MapData.decode(ends(), value(o), o.btf(), false));
    }

    @Test void ipv6TextFollowsRfc5952() {
        assertEquals("::1", AddressText.of(v6(0, 0, 0, 0, 0, 0, 0, 1)));
        assertEquals("::", AddressText.of(new byte[16]));
        assertEquals("::ffff:127.0.0.1", AddressText.of(v6(0, 0, 0, 0, 0, 0xffff, 0x7f00, 1)));
        assertEquals("2001:db8:0:1:1:1:1:1", AddressText.of(v6(0x2001, 0xdb8, 0, 1, 1, 1, 1, 1)), "one zero group stays");
        assertEquals("2001:0:0:1::1", AddressText.of(v6(0x2001, 0, 0, 1, 0, 0, 0, 1)), "the longest run of zeros");
        assertEquals("2001:db8::1:0:0:1", AddressText.of(v6(0x2001, 0xdb8, 0, 0, 1, 0, 0, 1)), "the first of equal runs");
        assertEquals("fe80::", AddressText.of(v6(0xfe80, 0, 0, 0, 0, 0, 0, 0)));
        assertNull(AddressText.of(new byte[5]));
    }

    private static byte[] v6(int... groups) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[2 * i] = (byte) (groups[i] >> 8);
            b[2 * i + 1] = (byte) groups[i];
        }
        return b;
    }
}
