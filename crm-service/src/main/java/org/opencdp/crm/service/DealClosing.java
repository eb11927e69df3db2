package org.opencdp.crm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.common.rest.Versions;
import org.opencdp.crm.Deal;
import org.opencdp.crm.DealOutcome;
import org.opencdp.crm.DealReason;
import org.opencdp.crm.DealStatus;
import org.opencdp.crm.api.DealClose;
import org.opencdp.crm.api.DealView;

/** Closing a deal as won or lost, with a reason from the workspace's list; reopening it. */
@ApplicationScoped
public class DealClosing {
    private final DealService deals;
    private final DealReasonService reasons;
    private final DealViews views;
    private final jakarta.persistence.EntityManager em;

    public DealClosing(DealService deals, DealReasonService reasons, DealViews views,
                       jakarta.persistence.EntityManager em) {
        this.deals = deals;
        this.reasons = reasons;
        this.views = views;
        this.em = em;
    }

    @Transactional
    public DealView close(String workspaceId, UUID id, DealClose in, OptionalLong ifMatch) {
        Deal d = deals.load(workspaceId, id, ifMatch);
        if (d.status != DealStatus.OPEN) {
            throw new ProblemException(409, "The deal is already " + d.status.wire() + "; reopen it first");
        }
        DealReason reason = reason(workspaceId, in);
        d.status = in.outcome() == DealOutcome.WON ? DealStatus.WON : DealStatus.LOST;
        d.closeReasonId = reason.id;
        d.closeNote = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        d.closedAt = Now.instant();
        d.updatedAt = d.closedAt;
        deals.event(d, in.outcome().wire(), null, null, reason.label + (d.closeNote == null ? "" : ": " + d.closeNote));
        return flushed(d);
    }

    @Transactional
    public DealView reopen(String workspaceId, UUID id, OptionalLong ifMatch) {
        Deal d = deals.load(workspaceId, id, ifMatch);
        if (d.status == DealStatus.OPEN) {
            throw new ProblemException(409, "The deal is open");
        }
        deals.event(d, "reopened", null, null, "was " + d.status.wire());
        d.status = DealStatus.OPEN;
        d.closeReasonId = null;
        d.closeNote = null;
        d.closedAt = null;
        d.updatedAt = Now.instant();
        return flushed(d);
    }

    private DealView flushed(Deal d) {
        try {
            em.flush();
        } catch (jakarta.persistence.OptimisticLockException e) {
            throw Versions.staleWrite("deal");
        }
        return views.of(d);
    }

    /** The active reason named by id or label; otherwise 422 listing the reasons allowed for the outcome. */
    private DealReason reason(String workspaceId, DealClose in) {
        List<DealReason> allowed = reasons.list(workspaceId, in.outcome(), false);
        String labels = allowed.stream().map(r -> r.label).collect(Collectors.joining(", "));
        if (in.reasonId() == null && (in.reason() == null || in.reason().isBlank())) {
            throw new ProblemException(422, "A " + in.outcome().wire() + " deal needs a reason (reasonId or reason),"
                    + " one of: " + labels, List.of(new Problem.Violation("reason", "required; one of: " + labels)));
        }
        return allowed.stream()
                .filter(r -> in.reasonId() != null ? r.id.equals(in.reasonId())
                        : r.label.equalsIgnoreCase(in.reason().strip()))
                .findFirst()
                .orElseThrow(() -> new ProblemException(422, "Unknown " + in.outcome().wire() + " reason; allowed: "
                        + labels, List.of(new Problem.Violation(in.reasonId() != null ? "reasonId" : "reason",
                        "must be one of: " + labels))));
    }
}
