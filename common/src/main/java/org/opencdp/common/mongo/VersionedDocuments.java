package org.opencdp.common.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Compare-and-set writes of one document keyed by {@code _id} with a {@code version} field: single-document atomic,
 * so they need no transactions (the embedded store has none). Version 0 means "not stored yet".
 */
public final class VersionedDocuments {
    public static final String VERSION = "version";
    public static final String UPDATED_AT = "updatedAt";

    private VersionedDocuments() {}

    /**
     * Replaces the fields of document {@code id} when its stored version is {@code expectedVersion}; returns the
     * stored document, or empty when another write came first.
     */
    public static Optional<Document> save(MongoCollection<Document> collection, String id, Document fields,
            long expectedVersion, Instant now) {
        if (expectedVersion == 0) {
            Document created = new Document(fields).append("_id", id).append(VERSION, 1L)
                    .append(UPDATED_AT, Date.from(now));
            try {
                collection.insertOne(created);
                return Optional.of(created);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return Optional.empty();
                }
                throw e;
            }
        }
        Document set = new Document(fields).append(UPDATED_AT, Date.from(now));
        return Optional.ofNullable(collection.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq(VERSION, expectedVersion)),
                new Document("$set", set).append("$inc", new Document(VERSION, 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    public static long version(Document d) {
        return ((Number) d.get(VERSION)).longValue();
    }

    public static Instant updatedAt(Document d) {
        Date date = d.getDate(UPDATED_AT);
        return date == null ? null : date.toInstant();
    }
}
