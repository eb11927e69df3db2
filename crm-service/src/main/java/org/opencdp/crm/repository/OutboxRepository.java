package org.opencdp.crm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencdp.crm.OutboxEvent;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /**
     * Claims up to {@code limit} due events for this replica: rows locked by another replica are skipped
     * ({@code FOR UPDATE SKIP LOCKED}) and the claimed ones are hidden until {@code leaseUntil}, so that a replica that
     * dies while delivering only delays its events. Oldest first.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> claimDue(Instant now, Instant leaseUntil, int limit) {
        return getEntityManager().createNativeQuery("update outbox_event set next_attempt_at = :lease,"
                        + " attempts = attempts + 1 where id in (select id from outbox_event where status = 'pending'"
                        + " and next_attempt_at <= :now order by created_at limit :limit for update skip locked)"
                        + " returning *", OutboxEvent.class)
                .setParameter("lease", leaseUntil).setParameter("now", now).setParameter("limit", limit)
                .getResultList();
    }

    public List<OutboxEvent> forContact(String workspaceId, UUID contactId) {
        return list("workspaceId = ?1 and contactId = ?2 order by createdAt", workspaceId, contactId);
    }

    public long countPending() {
        return count("status", OutboxEvent.PENDING);
    }
}
