package org.opencdp.dmp.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencdp.dmp.Audience;
import org.opencdp.dmp.Visitor;
import org.opencdp.dmp.api.VisitorView;
import org.opencdp.dmp.repository.EventRepository;
import org.opencdp.dmp.repository.PartnerRepository;
import org.opencdp.dmp.repository.VisitorRepository;

/** The visitor view (never expired data) and immediate deletion of a visitor with everything about it. */
@ApplicationScoped
public class VisitorService {
    private static final int MAX_CATEGORIES = 50;
    private final VisitorRepository visitors;
    private final EventRepository events;
    private final PartnerRepository partners;
    private final WorkspaceDefinitions definitions;
    private final VisitorUpdater updater;
    private final DmpClock clock;

    public VisitorService(VisitorRepository visitors, EventRepository events, PartnerRepository partners,
            WorkspaceDefinitions definitions, VisitorUpdater updater, DmpClock clock) {
        this.visitors = visitors;
        this.events = events;
        this.partners = partners;
        this.definitions = definitions;
        this.updater = updater;
        this.clock = clock;
    }

    public Optional<VisitorView> view(String ws, String anonymousId) {
        Instant now = clock.now();
        return visitors.find(ws, anonymousId, now).map(v -> view(ws, v, now));
    }

    private VisitorView view(String ws, Visitor v, Instant now) {
        WorkspaceDefinitions.Snapshot defs = definitions.of(ws);
        List<VisitorView.CategoryScore> categories = new ArrayList<>();
        for (Map.Entry<String, Double> e : updater.scores().ranked(v, now)) {
            if (categories.size() == MAX_CATEGORIES) {
                break;
            }
            int visits = v.categories().get(e.getKey()).hits().size();
            categories.add(new VisitorView.CategoryScore(e.getKey(), defs.taxonomy().name(e.getKey()),
                    Math.round(e.getValue() * 1000) / 1000.0, visits));
        }
        List<VisitorView.AudienceRef> audiences = new ArrayList<>();
        for (Audience a : defs.audiences()) {
            Instant until = v.audiences().get(a.id());
            if (until != null && until.isAfter(now)) {
                audiences.add(new VisitorView.AudienceRef(a.id(), a.name()));
            }
        }
        return new VisitorView(v.anonymousId(), categories, audiences, v.firstSeen(), v.lastSeen(), v.expiresAt(),
                v.device(), v.country(), v.region(), v.events(), partners.syncedIds(ws, v.anonymousId(), now),
                partners.segmentsOf(ws, v.anonymousId(), now));
    }

    /** Deletes the visitor, its events, id syncs and partner data now; false when nothing was held. */
    public boolean delete(String ws, String anonymousId) {
        boolean visitor = visitors.delete(ws, anonymousId);
        long deletedEvents = events.deleteByVisitor(ws, anonymousId);
        long partnerData = partners.deleteByVisitor(ws, anonymousId);
        return visitor || deletedEvents > 0 || partnerData > 0;
    }
}
