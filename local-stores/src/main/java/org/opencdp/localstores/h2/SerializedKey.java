package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.Arrays;
import org.h2.mvstore.type.ObjectDataType;

/**
 * An index key of the H2 backend together with its Java-serialised form, the form H2's {@code ObjectDataType} writes
 * to the file and orders keys by. Keeping the bytes with the key makes a comparison a byte comparison instead of two
 * serialisations (which is what H2 does for a key class that is not {@link Comparable}).
 */
final class SerializedKey {
    private final byte[] bytes;
    private KeyValue value;

    private SerializedKey(byte[] bytes, KeyValue value) {
        this.bytes = bytes;
        this.value = value;
    }

    static SerializedKey of(KeyValue value) {
        if (value.size() == 1 && value.get(0) instanceof String s) {
            byte[] bytes = StringKeyBytes.of(s);
            if (bytes != null) {
                return new SerializedKey(bytes, value);
            }
        }
        return new SerializedKey(ObjectDataType.serialize(value), value);
    }

    static SerializedKey ofBytes(byte[] bytes) {
        return new SerializedKey(bytes, null);
    }

    byte[] bytes() {
        return bytes;
    }

    /** The key, deserialised on first use (keys read from the file are only compared, rarely listed). */
    KeyValue value() {
        KeyValue v = value;
        if (v == null) {
            v = (KeyValue) ObjectDataType.deserialize(bytes);
            value = v;
        }
        return v;
    }

    /** H2's order of serialised keys (unsigned bytes, then length), with the JDK's vectorised comparison. */
    int compareTo(SerializedKey other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }
}
