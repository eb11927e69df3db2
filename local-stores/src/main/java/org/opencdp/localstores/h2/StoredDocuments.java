package org.opencdp.localstores.h2;

import java.util.List;

/**
 * Documents of a {@code find} answer as the BSON bytes the collection holds, sent as they are by
 * {@link StoredBytesEncoder} instead of being decoded into maps and encoded again.
 */
record StoredDocuments(List<byte[]> bson) {}
