package org.opencdp.crm.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.opencdp.crm.OutboxEvent;
import org.opencdp.crm.client.ProfileSourceClient;
import org.opencdp.crm.config.CrmConfig;

/**
 * Delivers contact changes from the outbox to profile-service. Runs on every replica: each run claims a batch of due
 * events with {@code FOR UPDATE SKIP LOCKED} and a lease, so replicas never send the same event at the same time, and
 * an event whose sender died is picked up again when its lease ends. Failures are retried with exponential backoff;
 * the event id is the Idempotency-Key and the contact's version the sequence, so a repeated or late delivery is
 * harmless. Nothing is deleted: delivered events stay as an audit trail.
 */
@ApplicationScoped
public class OutboxDelivery {
    private final OutboxStore store;
    private final ProfileSourceClient client;
    private final boolean enabled;
    private final java.time.Duration retention;

    public OutboxDelivery(OutboxStore store, ProfileSourceClient client, CrmConfig config) {
        this.store = store;
        this.client = client;
        this.enabled = config.outbox().enabled();
        this.retention = config.outbox().retention();
    }

    /** Hourly: delivered events older than the retention go (idempotent, so safe on every replica). */
    @Scheduled(identity = "crm-outbox-purge", every = "1h", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            long purged = store.purgeDelivered(Now.instant().minus(retention));
            if (purged > 0) {
                Log.infof("Purged %d delivered outbox events older than %s", purged, retention);
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "Outbox purge failed; retrying in an hour");
        }
    }

    @Scheduled(identity = "crm-outbox", every = "${cdp.crm.outbox.interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            while (deliverDue() > 0) {
                // keep going while there is a backlog
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "Outbox delivery run failed; retrying on the next run");
        }
    }

    /** One batch; returns how many events were claimed. */
    public int deliverDue() {
        List<OutboxEvent> claimed = store.claim();
        for (OutboxEvent e : claimed) {
            ProfileSourceClient.Outcome outcome = client.send(e);
            switch (outcome.kind()) {
                case DELIVERED -> store.delivered(e.id);
                case FAILED -> {
                    Log.warnf("Outbox event %s (%s of contact %s) refused by profile-service: %s", e.id, e.operation,
                            e.contactId, outcome.error());
                    store.failed(e.id, outcome.error());
                }
                case RETRY -> {
                    Log.debugf("Outbox event %s not delivered (attempt %d): %s", e.id, e.attempts, outcome.error());
                    store.retryLater(e.id, e.attempts, outcome.error());
                }
            }
        }
        return claimed.size();
    }
}
