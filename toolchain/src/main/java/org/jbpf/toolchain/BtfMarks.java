package org.jbpf.toolchain;

import org.jbpf.core.obj.BpfObject;
import org.jbpf.translator.Translator;

/**
 * What a probe's annotations say about showing its data, recorded in the object's BTF so that a .o keeps it: event
 * record structs ({@link EventRecords}), {@code @CString} text fields ({@link TextFields}), {@code @Max},
 * {@code @StackId} and {@code @Pid} fields ({@link FieldMarks}), {@code @Histogram} fields ({@link HistogramFields}),
 * {@code @OrdinalOf} fields ({@link EnumFields}),
 * {@code @Histogram} and {@code @Scratch} maps ({@link MapMarks}). Every backend applies it to the object it produces.
 */
public final class BtfMarks {
    private BtfMarks() {}

    /** The object with the marks of {@code probeClass} recorded; its BTF changes in place. */
    public static BpfObject apply(BpfObject object, byte[] probeClass, Translator.ClassSource classes) {
        // record structs first, so that their @CString fields are marked too
        BpfObject withRecords = EventRecords.record(object, probeClass, classes);
        BpfObject fields = FieldMarks.mark(TextFields.mark(withRecords, probeClass, classes), probeClass, classes);
        return MapMarks.record(EnumFields.mark(HistogramFields.mark(fields, probeClass, classes), probeClass, classes), probeClass);
    }
}
