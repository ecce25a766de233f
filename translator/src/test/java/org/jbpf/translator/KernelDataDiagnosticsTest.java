package org.jbpf.translator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Misused tracepoint record views and kernel struct classes are refused at the Java line with what to do instead. */
class KernelDataDiagnosticsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "RecordWrite|RecordWrite.java:12: cannot assign RecordTp.filename: the tracepoint record is read-only; copy the value into a local variable or a @Struct of your own",
        "RecordArray|RecordArray.java:12: field name of tracepoint record RecordTp is a byte array inside the context, which a program can only read number by number; read the number fields, or declare it as a number",
        "RecordNotStruct|RecordNotStruct.java:11: ctx.as(T.class) needs a @Struct class literal such as ctx.as(SysEnterOpenat.class) (jbpf gen tracepoint writes them); java.lang.String is not annotated @Struct",
        "KernelUnnamed|KernelUnnamed.java:11: KernelTask.unnamed() has no @KernelField naming the kernel field it reads; regenerate the class with jbpf gen btf",
        "KernelText|KernelText.java:11: KernelTask.text() returns java.lang.String; a field reader returns byte, short, int, long or a @KernelType class",
        "KernelNotTask|KernelNotTask.java:11: KernelMm.current(): only a @KernelType(\"task_struct\") class has a current struct (the running task)",
    })
    void refusesWithTheJavaLine(String probe, String message) {
        TranslationException e = assertThrows(TranslationException.class, () -> Translator.translate(
                "org.jbpf.translator.bad." + probe, Translator.ClassSource.of(getClass().getClassLoader()),
                new Translator.Options(List.of())));
        assertEquals(message, e.getMessage());
    }
}
