package org.opencdp.profile.repository;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.opencdp.common.mongo.BsonBytes;
import org.opencdp.profile.ProfileState;

/**
 * Compare-and-set of profile documents, in one bulk write: each profile is replaced with upsert on
 * {@code {_id, version: <version read>}}. When another writer got there first the filter matches nothing, the upsert
 * tries to insert a second document with the same {@code _id} and fails with a duplicate key: that profile is left
 * alone and re-planned. A new profile (version 0, not stored yet) is created the same way, so two writers creating
 * it race safely. The filter is answered from the {@code _id} index, on MongoDB and on the embedded store.
 * Replacements are sent as the bytes {@link BsonBytes} writes.
 */
public final class ProfileWrites {
    private ProfileWrites() {}

    /** Writes the profiles whose version is still the one read; returns their ids. */
    public static Set<String> write(ProfileStore store, List<ProfileState> profiles, Instant now, String writeId) {
        Set<String> written = new HashSet<>();
        if (profiles.isEmpty()) {
            return written;
        }
        MongoCollection<RawBsonDocument> collection = store.profiles().withDocumentClass(RawBsonDocument.class);
        List<WriteModel<RawBsonDocument>> models = new ArrayList<>(profiles.size());
        for (ProfileState p : profiles) {
            RawBsonDocument replacement = BsonBytes.encode(p.forWrite(now, writeId), collection.getCodecRegistry());
            models.add(new ReplaceOneModel<>(new Document("_id", p.id()).append("version", p.loadedVersion()),
                    replacement, new ReplaceOptions().upsert(true)));
            written.add(p.id());
        }
        try {
            collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != 11000) {
                    throw e;
                }
                written.remove(profiles.get(error.getIndex()).id());
            }
        }
        return written;
    }
}
