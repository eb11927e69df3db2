package org.opencdp.localstores.h2;

import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The key type of index maps: reads and writes exactly what H2's {@code ObjectDataType} writes for a serialised
 * object (tag 19, length, bytes), so files written before stay readable and keep their order, but compares the
 * bytes kept with each key.
 */
final class SerializedKeyType extends BasicDataType<SerializedKey> {
    /** {@code ObjectDataType.TYPE_SERIALIZED_OBJECT}. */
    static final byte SERIALIZED_OBJECT = 19;

    @Override
    public int compare(SerializedKey a, SerializedKey b) {
        return a == b ? 0 : a.compareTo(b);
    }

    @Override
    public int getMemory(SerializedKey key) {
        return 48 + key.bytes().length * 2;
    }

    @Override
    public void write(WriteBuffer buff, SerializedKey key) {
        byte[] bytes = key.bytes();
        buff.put(SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
    }

    @Override
    public SerializedKey read(ByteBuffer buff) {
        byte tag = buff.get();
        if (tag != SERIALIZED_OBJECT) {
            throw new IllegalStateException("Unexpected index key type " + tag + " in the H2 store");
        }
        byte[] bytes = new byte[DataUtils.readVarInt(buff)];
        buff.get(bytes);
        return SerializedKey.ofBytes(bytes);
    }

    @Override
    public SerializedKey[] createStorage(int size) {
        return new SerializedKey[size];
    }
}
