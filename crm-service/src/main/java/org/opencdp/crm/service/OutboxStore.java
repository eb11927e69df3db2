package org.opencdp.crm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.opencdp.crm.OutboxEvent;
import org.opencdp.crm.config.CrmConfig;
import org.opencdp.crm.repository.OutboxRepository;

/** The transactions of the delivery job: claim due events, then record each attempt's outcome. */
@ApplicationScoped
public class OutboxStore {
    private final OutboxRepository outbox;
    private final CrmConfig.Outbox config;

    public OutboxStore(OutboxRepository outbox, CrmConfig config) {
        this.outbox = outbox;
        this.config = config.outbox();
    }

    @Transactional
    public List<OutboxEvent> claim() {
        Instant now = Now.instant();
        List<OutboxEvent> claimed = outbox.claimDue(now, now.plus(config.lease()), config.batchSize());
        claimed.forEach(outbox.getEntityManager()::detach);
        return claimed;
    }

    @Transactional
    public void delivered(UUID id) {
        outbox.update("status = ?1, deliveredAt = ?2, lastError = null where id = ?3", OutboxEvent.DELIVERED,
                Now.instant(), id);
    }

    @Transactional
    public void failed(UUID id, String error) {
        outbox.update("status = ?1, lastError = ?2 where id = ?3", OutboxEvent.FAILED, truncate(error), id);
    }

    @Transactional
    public void retryLater(UUID id, int attempts, String error) {
        outbox.update("nextAttemptAt = ?1, lastError = ?2 where id = ?3", Now.instant().plus(backoff(attempts)),
                truncate(error), id);
    }

    /** Deletes events delivered before {@code before}; pending and failed ones stay. */
    @Transactional
    public long purgeDelivered(Instant before) {
        return outbox.delete("status = ?1 and deliveredAt < ?2", OutboxEvent.DELIVERED, before);
    }

    /** initial x 2^(attempts-1), capped, with +-20% jitter so that replicas do not retry in step. */
    Duration backoff(int attempts) {
        long initial = config.initialBackoff().toMillis();
        long max = config.maxBackoff().toMillis();
        long millis = initial << Math.min(Math.max(attempts - 1, 0), 20);
        millis = Math.min(Math.max(millis, initial), max);
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (millis * jitter));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
