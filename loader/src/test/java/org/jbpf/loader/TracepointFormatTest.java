package org.jbpf.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fields TracepointRecords reads from a tracepoint's format file, with the kernel's layout of that file. */
class TracepointFormatTest {
    @Test void readsEveryFieldWithItsOffsetAndSize() {
        String text = """
                name: sched_switch
                ID: 330
                format:
                \tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;
                \tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;

                \tfield:char prev_comm[16];\toffset:8;\tsize:16;\tsigned:0;
                \tfield:const char * filename;\toffset:24;\tsize:8;\tsigned:0;
                \tfield:__data_loc char[] name;\toffset:32;\tsize:4;\tsigned:0;
                \tfield:int  __syscall_nr ;\toffset:36;\tsize:4;\tsigned:1;

                print fmt: "prev_comm=%s", REC->prev_comm
                """;
        Map<String, TracepointRecords.Field> fields = TracepointRecords.fields(text);
        assertEquals(List.of("commontype", "commonpid", "prevcomm", "filename", "name", "syscallnr"), List.copyOf(fields.keySet()));
        assertEquals(new TracepointRecords.Field("common_type", 0, 2), fields.get("commontype"));
        assertEquals(new TracepointRecords.Field("prev_comm", 8, 16), fields.get("prevcomm"));
        assertEquals(new TracepointRecords.Field("filename", 24, 8), fields.get("filename"));
        assertEquals(new TracepointRecords.Field("name", 32, 4), fields.get("name"));
        assertEquals(new TracepointRecords.Field("__syscall_nr", 36, 4), fields.get("syscallnr"));
    }

    @Test void skipsWhatIsNotAField() {
        assertEquals(Map.of(), TracepointRecords.fields(""));
        assertEquals(Map.of(), TracepointRecords.fields("field:int a;\toffset:x;\tsize:4;"));
        assertEquals(Map.of(), TracepointRecords.fields("field:int a;\toffset:4;"));
        assertEquals(Map.of(), TracepointRecords.fields("field:int a"));
        assertEquals(List.of("b"), List.copyOf(TracepointRecords.fields("field:int a; size:4; field:long b;\toffset:8;\tsize:8;").keySet()));
    }
}
