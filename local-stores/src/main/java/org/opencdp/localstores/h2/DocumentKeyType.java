package org.opencdp.localstores.h2;

/**
 * The key type of collection maps (keys are the documents' {@code _id}s): H2's {@code ObjectDataType}, the same file
 * format and the same order, with a direct comparison of two strings (every {@code _id} of the services). The stock
 * type finds each operand's type through a chain of {@code instanceof} tests on every comparison of a B-tree search,
 * a twentieth of the store's time under ingestion. Strings are written by {@link StringWritingType}.
 */
final class DocumentKeyType extends StringWritingType {
    @Override
    public int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        return super.compare(a, b);
    }
}
