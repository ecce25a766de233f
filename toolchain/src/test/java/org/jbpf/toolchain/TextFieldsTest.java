package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/** {@code @CString} fields reach the object's BTF as char text, and MapText prints them as strings. */
class TextFieldsTest {
    private static BpfObject translated() throws Exception {
        Translator.ClassSource classes = Translator.ClassSource.of(TextFieldsTest.class.getClassLoader());
        return Backends.direct().translate(classes.read("org/jbpf/toolchain/probes/NamedCounter"), classes, Translator.Options.DEFAULT);
    }

    private static BtfType.Struct key(BpfObject o) {
        Btf btf = o.btf();
        return (BtfType.Struct) btf.type(btf.resolve(o.map("counts").orElseThrow().btfKeyType()));
    }

    private static int member(BtfType.Struct s, String name) {
        return s.members().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().type();
    }

    @Test void onlyTheMarkedFieldIsText() throws Exception {
        BpfObject o = translated();
        BtfType.Struct key = key(o);
        assertEquals("NamedKey", key.name());
        assertTrue(MapText.isCharText(o.btf(), member(key, "name")));
        assertFalse(MapText.isCharText(o.btf(), member(key, "raw")));
        assertEquals(Map.of("NamedKey", java.util.Set.of("name")), TextFields.textFields(
                Translator.ClassSource.of(getClass().getClassLoader()).read("org/jbpf/toolchain/probes/NamedCounter"),
                Translator.ClassSource.of(getClass().getClassLoader())));
    }

    /**
     * The marks read only classes whose names are structs of the object's BTF: NamedCounter's constant pool also names
     * Helpers, the map classes and Histogram, which no mark could apply to.
     */
    @Test void marksReadOnlyTheStructClasses() throws Exception {
        Translator.ClassSource loader = Translator.ClassSource.of(getClass().getClassLoader());
        byte[] probe = loader.read("org/jbpf/toolchain/probes/NamedCounter");
        BpfObject o = Translator.translate(probe, loader, Translator.Options.DEFAULT);
        java.util.List<String> reads = new java.util.ArrayList<>();
        BtfMarks.apply(o, probe, name -> {
            reads.add(name);
            return loader.read(name);
        });
        assertEquals(java.util.Collections.nCopies(8, "org/jbpf/toolchain/probes/NamedKey"), reads,
                "the @CString, @Max, @StackId, @Pid, @IpAddress, @Syscall, @Histogram and @OrdinalOf field marks each look at NamedKey only");
        assertTrue(MapText.isCharText(o.btf(), member(key(o), "name")));
    }

    @Test void theMarkSurvivesTheObjectFile() throws Exception {
        BpfObject o = ObjectReader.read(ObjectWriter.write(translated()), "NamedCounter");
        assertTrue(MapText.isCharText(o.btf(), member(key(o), "name")));
    }

    @Test void textFieldsPrintAsStringsAndOthersAsHex() throws Exception {
        BpfObject o = translated();
        byte[] bytes = new byte[key(o).size()];
        bytes[0] = 7;
        byte[] bash = "bash".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bash, 0, bytes, 4, bash.length);
        System.arraycopy(bash, 0, bytes, 20, bash.length);
        String hexBash = "0x62617368" + "00".repeat(12);
        assertEquals("{uid=7, name=bash, raw=" + hexBash + "}", MapText.show(bytes, key(o), o.btf(), false));
        assertEquals("{uid=7, name=bash, raw=bash}", MapText.show(bytes, key(o), o.btf(), true), "guessed for .o inputs");
    }
}
