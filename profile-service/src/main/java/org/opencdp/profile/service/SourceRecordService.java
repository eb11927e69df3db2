package org.opencdp.profile.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.profile.IngestResult;
import org.opencdp.profile.Observation;
import org.opencdp.profile.api.SourceRecordInput;
import org.opencdp.profile.api.SourceRecordResult;
import org.opencdp.profile.repository.SourceRecordRepository;

/**
 * Applies first-party source records (crm-service's outbox): a PUT carries the record's whole current state and
 * replaces what the same record contributed before; a DELETE removes its contribution. Requests of one record are
 * serialised by a short lease (a concurrent one gets 409, which the outbox retries); a sequence not above the last
 * applied one and a repeated Idempotency-Key change nothing.
 */
@ApplicationScoped
public class SourceRecordService {
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final java.util.Set<String> RESERVED = java.util.Set.of("tracking", "import");
    private final ProfileIngestion ingestion;
    private final SourceRecordRepository records;

    public SourceRecordService(ProfileIngestion ingestion, SourceRecordRepository records) {
        this.ingestion = ingestion;
        this.records = records;
    }

    public SourceRecordResult put(String ws, String source, String recordId, SourceRecordInput in,
            String idempotencyKey) {
        checkSource(source);
        String key = SourceRecordRepository.key(ws, source, recordId);
        return leased(ws, key, () -> {
            SourceRecordRepository.State state = records.find(key);
            if (state != null && (seen(state, idempotencyKey) || in.sequence() <= state.sequence())) {
                records.rememberKey(key, idempotencyKey);
                return new SourceRecordResult(state.deleted() ? null : state.profileId(), false);
            }
            Instant now = Instant.now();
            List<Observation.Identifier> ids = in.identifiers().stream()
                    .map(i -> new Observation.Identifier(i.type().strip(), i.value())).toList();
            Observation record = Observation.record(source, recordId, recordId + ':' + in.sequence(), ids,
                    in.traits() == null ? Map.of() : in.traits(), in.consents() == null ? Map.of() : in.consents(),
                    in.occurredAt() == null ? now : in.occurredAt());
            IngestResult.Outcome outcome = ingestion.ingest(ws, List.of(record)).outcomes().get(0);
            if (outcome.status() != IngestResult.Status.STORED) {
                throw new ProblemException(400, "identifiers: no usable identifier (types must be declared in the"
                        + " workspace's identity rules; values must not be blocked or malformed)",
                        List.of(new Problem.Violation("identifiers", "no usable identifier")));
            }
            records.applied(ws, key, in.sequence(), outcome.profileId(), null, false, idempotencyKey, now);
            return new SourceRecordResult(outcome.profileId(), true);
        });
    }

    /** Removes the record's contribution unless a newer sequence was applied; true when something was removed. */
    public boolean delete(String ws, String source, String recordId, long sequence, String idempotencyKey) {
        checkSource(source);
        String key = SourceRecordRepository.key(ws, source, recordId);
        return leased(ws, key, () -> {
            SourceRecordRepository.State state = records.find(key);
            if (state != null && (seen(state, idempotencyKey) || sequence <= state.sequence())) {
                records.rememberKey(key, idempotencyKey);
                return false;
            }
            boolean removed = ingestion.retractSource(ws, source, recordId).isPresent();
            // a tombstone: a PUT of an older sequence arriving late must not bring the record back
            records.applied(ws, key, sequence, null, null, true, idempotencyKey, Instant.now());
            return removed;
        });
    }

    /** "tracking" names the tracking API's own observations; a record source must not pose as it. */
    private static void checkSource(String source) {
        if (RESERVED.contains(source)) {
            throw ProblemException.badRequest("source", "'" + source + "' is reserved");
        }
    }

    private static boolean seen(SourceRecordRepository.State state, String idempotencyKey) {
        return idempotencyKey != null && state.keys().contains(idempotencyKey);
    }

    private <T> T leased(String ws, String key, Supplier<T> work) {
        String leaseId = UUID.randomUUID().toString();
        if (!records.lease(ws, key, leaseId, Instant.now(), LEASE)) {
            throw new ProblemException(409, "Another change of this record is being applied; retry");
        }
        try {
            return work.get();
        } finally {
            records.release(key, leaseId);
        }
    }
}
