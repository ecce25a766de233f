package org.jbpf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The keys of a walk's records, each handed out once: against a set of the keys' bytes, for keys of every width. */
class RecordKeysTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 5, 8, 12, 16, 20})
    void eachKeyOnceWhateverItsWidth(int keySize) {
        int record = (keySize + 6 + 7) / 8 * 8, entries = 3000;
        ByteBuffer records = ByteBuffer.allocate(record * entries).order(ByteOrder.LITTLE_ENDIAN);
        Random r = new Random(keySize);
        List<byte[]> written = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            // a third of the records repeat an earlier key, as a walk that follows a reused element does
            byte[] key = i > 0 && r.nextInt(3) == 0 ? written.get(r.nextInt(i)) : new byte[keySize];
            if (key.length == keySize && written.indexOf(key) < 0) r.nextBytes(key);
            written.add(key);
            records.put(i * record, key);
            records.put(i * record + keySize, (byte) 0x5a);  // value bytes after the key take no part
        }
        RecordKeys keys = new RecordKeys(keySize, record);
        for (int walk = 0; walk < 2; walk++) {  // the table is reused by the next walk
            keys.reset(entries);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < entries; i++)
                assertEquals(seen.add(HexFormat.of().formatHex(written.get(i))), keys.add(records, i), "record " + i + " walk " + walk);
        }
    }
}
