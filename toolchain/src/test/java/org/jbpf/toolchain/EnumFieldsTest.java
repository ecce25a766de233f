package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/** {@code @OrdinalOf} fields become C enums of the named enum's constants in BTF, and print by constant name. */
class EnumFieldsTest {
    private static final Translator.ClassSource CLASSES = Translator.ClassSource.of(EnumFieldsTest.class.getClassLoader());

    @Test void markedFieldsAreEnumsAndPrintByName() throws Exception {
        byte[] probe = CLASSES.read("org/jbpf/toolchain/probes/StateChanges");
        BpfObject o = ObjectReader.read(ObjectWriter.write(Backends.direct().translate(probe, CLASSES, Translator.Options.DEFAULT)), "StateChanges");
        Btf btf = o.btf();
        BtfType.Struct value = MapText.struct(btf, o.map("changes").orElseThrow().btfValueType());
        BtfType from = btf.type(btf.resolve(value.members().get(0).type()));
        assertEquals(new BtfType.Enum("StateChanges_State", 4, false, List.of(new BtfType.EnumValue("IDLE", 0),
                new BtfType.EnumValue("RUNNING", 1), new BtfType.EnumValue("STOPPED", 2))), from);
        assertEquals(2, btf.sizeOf(value.members().get(1).type()), "as wide as the field");
        byte[] bytes = new byte[value.size()];
        bytes[0] = 1;
        bytes[4] = 2;
        bytes[8] = 5;
        assertEquals("{from=RUNNING, to=STOPPED, count=5}", MapText.show(bytes, value, btf, false));
        bytes[0] = 9;
        assertEquals("{from=9, to=STOPPED, count=5}", MapText.show(bytes, value, btf, false), "a number no constant has stays a number");
    }

    @Test void aMarkOnTextIsRefusedByName() throws Exception {
        byte[] probe = CLASSES.read("org/jbpf/toolchain/probes/MisplacedMarks$TextState");
        assertEquals("Named.name is marked @OrdinalOf, which fits an integer field holding an enum constant's ordinal; remove the "
                + "mark or change the field", assertThrows(TranslationException.class,
                () -> Backends.direct().translate(probe, CLASSES, Translator.Options.DEFAULT)).getMessage());
    }
}
