package org.jbpf.translator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Misused packet headers are refused at the Java line with advice, before the kernel's verifier could refuse them. */
class PacketDiagnosticsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PacketUnchecked|PacketUnchecked.java:14: header(.., Udp.class) may be null here; test it against null before you read .destinationPort",
        "PacketNotStruct|PacketNotStruct.java:11: java.lang.Integer is not a @Struct class; packet headers are @Struct classes such as org.jbpf.net.Ipv4",
        "PacketOffsetTooFar|PacketOffsetTooFar.java:12: packet offset 65520 is outside 0..65515 for a header of 20 bytes",
        "SocketHeader|SocketHeader.java:12: ctx.header(..) in socket filter section \"socket\": the kernel gives socket filters no packet pointers; copy the header with ctx.load(offset, Type.class) instead",
        "SocketStore|SocketStore.java:15: ctx.store(..) in socket filter section \"socket\": the kernel lets only tc programs change packets; a socket filter can read with ctx.load(..) and keep or drop",
        "StaleHeaderRead|StaleHeaderRead.java:15: variable ip holds a packet header read before ctx.l3CsumReplace(..) on line 14, which may move the packet; read the header again with ctx.header(..) after that call",
        "SocketEthernet|SocketEthernet.java:15: ctx.load(0, Ethernet.class) in socket filter section \"socket/sniffer\" would read the IP header: a socket filter's offsets count from the network header, on a packet socket too; take the ether type from ctx.protocol() and load Ipv4 or Ipv6 at 0",
        "LoadUnchecked|LoadUnchecked.java:13: load(.., Udp.class) may be null here; test it against null before you read .length",
    })
    void refusesWithTheJavaLine(String probe, String message) {
        TranslationException e = assertThrows(TranslationException.class, () -> Translator.translate(
                "org.jbpf.translator.bad." + probe, Translator.ClassSource.of(getClass().getClassLoader()),
                new Translator.Options(List.of())));
        assertEquals(message, e.getMessage());
    }
}
