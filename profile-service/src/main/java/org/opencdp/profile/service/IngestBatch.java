package org.opencdp.profile.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.bson.Document;
import org.opencdp.profile.IdentityRules;
import org.opencdp.profile.Observation;
import org.opencdp.profile.ProfileState;

/**
 * The in-memory resolution of a batch of observations against what the store held when the batch was read: which
 * profile each observation belongs to, which identities to claim, which profiles merge (or refuse to), and the new
 * state of every profile touched. {@link IngestWriter} then writes it in an order that stays correct when another
 * writer works on the same people at the same time. Not thread-safe; one per attempt.
 */
final class IngestBatch {
    /** A normalised identifier of an observation; {@code priority} 0 is the highest. */
    record Ident(String type, String value, int priority) {}

    /** An identity document known to this batch (read, or claimed by it). */
    static final class IdRec {
        final String key;
        final String type;
        final String value;
        String profileId;
        final String origin;
        final Set<String> links;
        final boolean isNew;
        int creator = -1;

        IdRec(String key, String type, String value, String profileId, String origin, Set<String> links,
                boolean isNew) {
            this.key = key;
            this.type = type;
            this.value = value;
            this.profileId = profileId;
            this.origin = origin;
            this.links = links;
            this.isNew = isNew;
        }
    }

    /** One observation of the batch. */
    static final class Item {
        final int index;
        final Observation obs;
        List<Ident> idents;
        String appliedTo;
        String origin;
        final List<String> notes = new ArrayList<>();
        Document event;
        Document contribution;
        Document previousContribution;

        Item(int index, Observation obs, List<Ident> idents) {
            this.index = index;
            this.obs = obs;
            this.idents = idents;
        }

        String link() {
            return obs.isRecord() ? obs.source() + ':' + obs.recordId() : obs.source();
        }
    }

    final String ws;
    final Instant now;
    final IdentityRules rules;
    final ToIntFunction<String> sourcePriority;
    final List<Item> items;
    final Map<String, IdRec> identities;
    final Map<String, ProfileState> profiles;
    final Map<String, Document> previousContributions;
    final Set<String> shells = new LinkedHashSet<>();
    final Set<String> losers = new LinkedHashSet<>();
    final Set<String> dirty = new LinkedHashSet<>();
    final Map<String, String> survivorOf = new HashMap<>();
    final Map<String, Document> mergeEntries = new LinkedHashMap<>();
    final Map<String, Document> refusals = new LinkedHashMap<>();
    final Map<String, Set<String>> linksToAdd = new LinkedHashMap<>();
    final Map<String, String> changeReasons = new HashMap<>();
    private final Map<String, String> parent = new HashMap<>();

    IngestBatch(String ws, Instant now, IdentityRules rules, ToIntFunction<String> sourcePriority, List<Item> items,
            Map<String, IdRec> identities, Map<String, ProfileState> profiles,
            Map<String, Document> previousContributions) {
        this.ws = ws;
        this.now = now;
        this.rules = rules;
        this.sourcePriority = sourcePriority;
        this.items = items;
        this.identities = identities;
        this.profiles = profiles;
        this.previousContributions = previousContributions;
    }

    void plan() {
        for (Item item : items) {
            plan(item);
        }
    }

    private void plan(Item item) {
        item.idents = item.idents.stream().map(this::resolveAlias).distinct().toList();
        List<IdRec> known = new ArrayList<>();
        for (Ident i : item.idents) {
            IdRec r = identities.get(Ids.identity(ws, i.type(), i.value()));
            if (r != null) {
                known.add(r);
            }
        }
        ProfileState target;
        List<ProfileState> roots = new ArrayList<>();
        if (known.isEmpty()) {
            Ident first = item.idents.get(0);
            String pid = Ids.profileFor(ws, first.type(), first.value());
            target = profiles.containsKey(pid) ? root(pid) : create(pid);
            item.origin = pid;
            roots.add(target);
        } else {
            for (IdRec r : known) {
                ProfileState p = profiles.containsKey(r.profileId) ? root(r.profileId) : create(r.profileId);
                if (roots.stream().noneMatch(p::sameAs)) {
                    roots.add(p);
                }
            }
            target = roots.get(0);
            item.origin = known.get(0).origin;
        }
        boolean linkNew = true;
        if (roots.size() > 1) {
            String refusal = mergeRefusal(roots);
            if (refusal == null) {
                for (ProfileState loser : roots.subList(1, roots.size())) {
                    merge(target, loser, item, known);
                }
            } else {
                linkNew = false;
                refuse(item, roots, refusal);
            }
        }
        for (IdRec r : known) {
            if (root(r.profileId).sameAs(target)) {
                target.addIdentity(r.type, r.value, r.origin);
                if (!r.links.contains(item.link())) {
                    r.links.add(item.link());
                    linksToAdd.computeIfAbsent(r.key, k -> new LinkedHashSet<>()).add(item.link());
                }
            }
        }
        for (Ident i : item.idents) {
            String key = Ids.identity(ws, i.type(), i.value());
            if (identities.containsKey(key)) {
                continue;
            }
            if (!linkNew) {
                item.notes.add(i.type() + " " + i.value() + " not linked: the merge it would cause was refused");
                continue;
            }
            int limit = limitOf(i.type());
            if (target.countOf(i.type()) >= limit) {
                String reason = "limit of " + limit + " " + i.type() + " per profile reached";
                item.notes.add(i.type() + " " + i.value() + " not linked: " + reason);
                refuse(item, List.of(target), reason + " (" + i.type() + " " + i.value() + ")");
                continue;
            }
            IdRec rec = new IdRec(key, i.type(), i.value(), target.id(), item.origin,
                    new LinkedHashSet<>(List.of(item.link())), true);
            rec.creator = item.index;
            identities.put(key, rec);
            target.addIdentity(i.type(), i.value(), item.origin);
        }
        apply(item, target);
        item.appliedTo = target.id();
        dirty.add(target.id());
        changeReasons.put(target.id(), reasonOf(item));
        for (ProfileState r : roots) {
            union(target.id(), r.id());
        }
    }

    private static String reasonOf(Item item) {
        if (item.obs.isRecord()) {
            return item.obs.source().startsWith("import") ? "import" : "source";
        }
        if (item.obs.event() == null) {
            return "source";
        }
        String type = item.obs.event().type();
        return "identify".equals(type) || "alias".equals(type) ? "identify" : "track";
    }

    /** previousId of an alias call: the userId it names if that exists, else an anonymousId. */
    private Ident resolveAlias(Ident i) {
        if (!"previousId".equals(i.type())) {
            return i;
        }
        boolean user = identities.containsKey(Ids.identity(ws, "userId", i.value()));
        return new Ident(user ? "userId" : "anonymousId", i.value(), priorityOf(user ? "userId" : "anonymousId"));
    }

    private int priorityOf(String type) {
        for (int i = 0; i < rules.types().size(); i++) {
            if (rules.types().get(i).type().equals(type)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private int limitOf(String type) {
        return rules.types().stream().filter(t -> t.type().equals(type)).findFirst()
                .map(IdentityRules.TypeRule::maxPerProfile).orElse(1);
    }

    private ProfileState create(String pid) {
        ProfileState p = ProfileState.blank(ws, pid, now);
        profiles.put(pid, p);
        shells.add(pid);
        return p;
    }

    /** The profile a (possibly merged-away) profile id lives on now; completes a merge left half-done. */
    ProfileState root(String pid) {
        ProfileState p = profiles.get(pid);
        int hops = 0;
        while (p.mergedInto() != null && hops++ < 100) {
            ProfileState s = profiles.get(p.mergedInto());
            if (s == null) {
                break;
            }
            if (!s.originIds().contains(p.id()) && !losers.contains(p.id())) {
                completeMerge(s, p);
            }
            p = s;
        }
        return p;
    }

    /** A loser was frozen (mergedInto set) but its survivor has not taken it in yet: do it now. */
    private void completeMerge(ProfileState survivor, ProfileState loser) {
        String mergeId = loser.document().getString("mergeId");
        survivor.absorb(loser, mergeId, now);
        dirty.add(survivor.id());
        survivorOf.put(loser.id(), survivor.id());
        union(survivor.id(), loser.id());
        Document cause = loser.document().get("mergeCause", Document.class);
        mergeEntries.put(mergeId, mergeEntry(mergeId, survivor, loser, cause == null ? new Document() : cause));
        changeReasons.put(survivor.id(), "merge");
    }

    private String mergeRefusal(List<ProfileState> roots) {
        Map<String, Set<String>> byType = new HashMap<>();
        for (ProfileState p : roots) {
            for (Document i : p.identities()) {
                byType.computeIfAbsent(i.getString("type"), t -> new LinkedHashSet<>()).add(i.getString("value"));
            }
        }
        for (IdentityRules.TypeRule t : rules.types()) {
            Set<String> values = byType.get(t.type());
            if (values != null && values.size() > t.maxPerProfile()) {
                return "merging would give one profile " + values.size() + " " + t.type() + " values (limit "
                        + t.maxPerProfile() + ")";
            }
        }
        return null;
    }

    private void merge(ProfileState survivor, ProfileState loser, Item item, List<IdRec> known) {
        String mergeId = Ids.merge(ws, loser.id(), loser.loadedVersion(), survivor.id());
        List<Document> causeIds = new ArrayList<>();
        for (IdRec r : known) {
            if (root(r.profileId).sameAs(loser)) {
                causeIds.add(new Document("type", r.type).append("value", r.value));
            }
        }
        Document cause = new Document("identifiers", causeIds).append("messageId", item.obs.messageId())
                .append("source", item.obs.source());
        Document entry = mergeEntry(mergeId, survivor, loser, cause);
        survivor.absorb(loser, mergeId, now);
        loser.markMerged(survivor.id(), mergeId, cause, now);
        losers.add(loser.id());
        dirty.remove(loser.id());
        survivorOf.put(loser.id(), survivor.id());
        mergeEntries.put(mergeId, entry);
        for (IdRec r : identities.values()) {
            if (loser.id().equals(r.profileId)) {
                r.profileId = survivor.id();
            }
        }
        changeReasons.put(survivor.id(), "merge");
        item.notes.add("merged profile " + loser.id() + " into " + survivor.id() + " (merge " + mergeId + ")");
    }

    private Document mergeEntry(String mergeId, ProfileState survivor, ProfileState loser, Document cause) {
        return new Document("_id", mergeId).append("ws", ws).append("kind", "merge")
                .append("survivorId", survivor.id()).append("loserId", loser.id())
                .append("profileIds", List.of(survivor.id(), loser.id()))
                .append("cause", cause).append("at", Date.from(now))
                .append("loserOrigins", new ArrayList<>(loser.originIds()))
                .append("survivorOrigins", new ArrayList<>(survivor.originIds()))
                .append("loserIdentities", copy(loser.identities()))
                .append("survivorIdentities", copy(survivor.identities()))
                .append("loserTraits", new Document(loser.traits()))
                .append("survivorTraits", new Document(survivor.traits()));
    }

    private static List<Document> copy(List<Document> list) {
        return list.stream().map(Document::new).toList();
    }

    private void refuse(Item item, List<ProfileState> roots, String reason) {
        List<String> ids = roots.stream().map(ProfileState::id).sorted().toList();
        String id = "r" + Ids.hash(ws + '|' + String.join(",", ids) + '|' + reason, 10);
        refusals.put(id, new Document("_id", id).append("ws", ws).append("kind", "refused")
                .append("profileIds", ids).append("reason", reason)
                .append("cause", new Document("identifiers", item.idents.stream()
                        .map(i -> new Document("type", i.type()).append("value", i.value())).toList())
                        .append("messageId", item.obs.messageId()).append("source", item.obs.source()))
                .append("at", Date.from(now)));
        if (roots.size() > 1) {
            item.notes.add("merge of " + String.join(", ", ids) + " refused: " + reason);
        }
    }

    private void apply(Item item, ProfileState target) {
        Observation o = item.obs;
        int priority = sourcePriority.applyAsInt(o.source());
        String recordId = o.recordId();
        if (!o.traits().isEmpty()) {
            target.applyTraits(o.traits(), o.source(), o.messageId(), recordId, o.observedAt(), priority);
        }
        if (!o.consents().isEmpty()) {
            target.applyConsents(o.consents(), o.source(), o.messageId(), o.observedAt());
        }
        if (o.event() != null) {
            Observation.Event e = o.event();
            target.applyEvent(e.type(), e.name(), e.properties(), e.timestamp() == null ? o.observedAt()
                    : e.timestamp());
            item.event = EventDocuments.event(ws, item.origin, o);
        }
        if (o.isRecord()) {
            String key = Ids.contribution(ws, o.source(), recordId);
            item.previousContribution = previousContributions.get(key);
            item.contribution = EventDocuments.contribution(key, ws, item.origin, o,
                    item.idents.stream().map(i -> Ids.identity(ws, i.type(), i.value())).toList());
            previousContributions.put(key, item.contribution);
        }
    }

    // union-find over profile ids: profiles changed together are written together or not at all
    String find(String id) {
        String p = parent.getOrDefault(id, id);
        if (p.equals(id)) {
            return id;
        }
        String r = find(p);
        parent.put(id, r);
        return r;
    }

    private void union(String a, String b) {
        String ra = find(a);
        String rb = find(b);
        if (!ra.equals(rb)) {
            parent.put(rb, ra);
        }
    }
}
