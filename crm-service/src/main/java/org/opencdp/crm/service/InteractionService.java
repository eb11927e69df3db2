package org.opencdp.crm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.crm.Deal;
import org.opencdp.crm.Interaction;
import org.opencdp.crm.api.InteractionInput;
import org.opencdp.crm.api.InteractionView;
import org.opencdp.crm.api.TimelineEntry;
import org.opencdp.crm.repository.ContactRepository;
import org.opencdp.crm.repository.DealEventRepository;
import org.opencdp.crm.repository.DealRepository;
import org.opencdp.crm.repository.InteractionRepository;
import org.opencdp.crm.repository.SatisfactionRepository;

/** Interactions with a contact and the contact's timeline. */
@ApplicationScoped
public class InteractionService {
    private final InteractionRepository interactions;
    private final ContactRepository contacts;
    private final DealRepository deals;
    private final DealEventRepository dealEvents;
    private final SatisfactionRepository satisfaction;

    public InteractionService(InteractionRepository interactions, ContactRepository contacts, DealRepository deals,
                              DealEventRepository dealEvents, SatisfactionRepository satisfaction) {
        this.interactions = interactions;
        this.contacts = contacts;
        this.deals = deals;
        this.dealEvents = dealEvents;
        this.satisfaction = satisfaction;
    }

    @Transactional
    public InteractionView record(String workspaceId, UUID contactId, InteractionInput in) {
        requireContact(workspaceId, contactId);
        if (in.dealId() != null && deals.findInWorkspace(workspaceId, in.dealId()).isEmpty()) {
            throw ProblemException.badRequest("dealId", "no such deal in this workspace");
        }
        Interaction i = new Interaction();
        i.id = UUID.randomUUID();
        i.workspaceId = workspaceId;
        i.contactId = contactId;
        i.dealId = in.dealId();
        i.type = in.type();
        i.direction = in.direction();
        i.createdAt = Now.instant();
        i.occurredAt = in.occurredAt() == null ? i.createdAt : in.occurredAt();
        i.summary = in.summary();
        i.durationSeconds = in.durationSeconds();
        i.outcome = in.outcome();
        interactions.persist(i);
        return InteractionView.of(i);
    }

    @Transactional
    public List<InteractionView> list(String workspaceId, UUID contactId, int limit) {
        requireContact(workspaceId, contactId);
        return interactions.forContact(workspaceId, contactId, limit).stream().map(InteractionView::of).toList();
    }

    /** Interactions, deal events and satisfaction answers of the contact, newest first (or oldest first). */
    @Transactional
    public List<TimelineEntry> timeline(String workspaceId, UUID contactId, int limit, boolean ascending) {
        requireContact(workspaceId, contactId);
        List<TimelineEntry> entries = new ArrayList<>();
        for (Interaction i : interactions.forContact(workspaceId, contactId, limit)) {
            entries.add(new TimelineEntry(i.occurredAt, "interaction", i.type, i.summary, i.id, i.dealId, null,
                    i.direction, i.durationSeconds, i.outcome, null, null, null));
        }
        Map<UUID, Deal> contactDeals = deals.forContact(workspaceId, contactId).stream()
                .collect(Collectors.toMap(d -> d.id, Function.identity()));
        dealEvents.forDeals(workspaceId, contactDeals.keySet()).forEach(e -> entries.add(new TimelineEntry(
                e.occurredAt, "deal", e.type, e.detail, null, e.dealId, contactDeals.get(e.dealId).title, null, null,
                null, e.fromStageId, e.toStageId, null)));
        satisfaction.forContact(workspaceId, contactId, limit).forEach(s -> entries.add(new TimelineEntry(
                s.respondedAt, "satisfaction", s.kind, s.comment, null, null, null, null, null, null, null, null,
                s.score)));
        Comparator<TimelineEntry> order = Comparator.comparing(TimelineEntry::at);
        entries.sort(ascending ? order : order.reversed());
        return entries.size() > limit ? entries.subList(0, limit) : entries;
    }

    private void requireContact(String workspaceId, UUID contactId) {
        if (contacts.findInWorkspace(workspaceId, contactId).isEmpty()) {
            throw ProblemException.notFound("Contact " + contactId);
        }
    }
}
