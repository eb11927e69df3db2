package org.opencdp.localstores.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class DocumentKeyTypeTest {

    @Test
    void ordersKeysExactlyAsH2sObjectDataType() {
        List<Object> keys = List.of("", "a", "b", "ws|email|x@y.z", "ws|email|x@y.zz", "Z", "é", 1, 2L, -3, 1.5,
                "123", java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"));
        ObjectDataType stock = new ObjectDataType();
        DocumentKeyType fast = new DocumentKeyType();
        for (Object a : keys) {
            for (Object b : keys) {
                assertEquals(Integer.signum(stock.compare(a, b)), Integer.signum(fast.compare(a, b)), a + " vs " + b);
            }
        }
    }
}
