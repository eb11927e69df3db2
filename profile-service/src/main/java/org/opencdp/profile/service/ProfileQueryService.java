package org.opencdp.profile.service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.profile.IdentityRules;
import org.opencdp.profile.api.EventPage;
import org.opencdp.profile.api.EventView;
import org.opencdp.profile.api.ProfilePage;
import org.opencdp.profile.api.ProfileView;
import org.opencdp.profile.config.ProfileConfig;
import org.opencdp.profile.repository.ProfileStore;

/** Reads profiles: by id (following merges), by identifier, as a filtered list, and their timelines. */
@ApplicationScoped
public class ProfileQueryService {
    public static final int MAX_LIMIT = 200;
    private final ProfileStore store;
    private final IdentityRulesService rules;
    private final IdentifierNormalizer normalizer;

    public ProfileQueryService(ProfileStore store, IdentityRulesService rules, ProfileConfig config) {
        this.store = store;
        this.rules = rules;
        this.normalizer = new IdentifierNormalizer(config.defaultRegion());
    }

    /** The profile, or the one it was merged into (with {@code mergedFrom} set). */
    public Optional<ProfileView> get(String ws, String id) {
        return root(ws, id).map(d -> ProfileView.of(d, id.equals(d.getString("_id")) ? null : id));
    }

    /** The stored document of the surviving profile of {@code id}; empty if unknown or another workspace's. */
    public Optional<Document> root(String ws, String id) {
        String current = id;
        for (int i = 0; i < 100; i++) {
            Document d = store.profiles().find(Filters.eq("_id", current)).first();
            if (d == null || !ws.equals(d.getString("ws")) || ((Number) d.get("version")).longValue() == 0) {
                return Optional.empty();
            }
            if (d.getString("mergedInto") == null) {
                return Optional.of(d);
            }
            current = d.getString("mergedInto");
        }
        return Optional.empty();
    }

    public Optional<ProfileView> lookup(String ws, String type, String value) {
        IdentityRules r = rules.cached(ws);
        if (type == null || r.types().stream().noneMatch(t -> t.type().equals(type))) {
            throw ProblemException.badRequest("type", "must be an identifier type of the workspace: "
                    + String.join(", ", r.types().stream().map(IdentityRules.TypeRule::type).toList()));
        }
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("value", "must not be blank");
        }
        Optional<String> normalised = normalizer.normalise(type, value);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        Document identity = store.identities().find(Filters.eq("_id", Ids.identity(ws, type, normalised.get())))
                .first();
        if (identity == null) {
            return Optional.empty();
        }
        return root(ws, identity.getString("profileId")).map(d -> ProfileView.of(d, null));
    }

    /**
     * Profiles in id order. Filters: identifier type held, trait equal to a value (compared as text),
     * updated since, seen since, segment membership.
     */
    public ProfilePage list(String ws, String identifierType, String trait, String updatedSince, String seenSince,
            String segment, String cursor, int limit) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("ws", ws));
        filters.add(Filters.gt("version", 0L));
        filters.add(Filters.eq("mergedInto", null));
        if (cursor != null && !cursor.isBlank()) {
            filters.add(Filters.gt("_id", cursor));
        }
        if (identifierType != null && !identifierType.isBlank()) {
            filters.add(Filters.eq("identities.type", identifierType));
        }
        if (trait != null && !trait.isBlank()) {
            int colon = trait.indexOf(':');
            if (colon <= 0) {
                throw ProblemException.badRequest("trait", "must be name:value");
            }
            String name = BsonValues.safeKey(trait.substring(0, colon));
            String value = trait.substring(colon + 1);
            List<Bson> any = new ArrayList<>(List.of(Filters.eq("traits." + name, value)));
            try {
                any.add(Filters.eq("traits." + name, Long.parseLong(value)));
            } catch (NumberFormatException ignored) {
                // not a number
            }
            try {
                any.add(Filters.eq("traits." + name, Double.parseDouble(value)));
            } catch (NumberFormatException ignored) {
                // not a number
            }
            if (value.equals("true") || value.equals("false")) {
                any.add(Filters.eq("traits." + name, Boolean.parseBoolean(value)));
            }
            filters.add(Filters.or(any));
        }
        if (updatedSince != null) {
            filters.add(Filters.gte("updatedAt", date("updatedSince", updatedSince)));
        }
        if (seenSince != null) {
            filters.add(Filters.gte("computed.lastSeen", date("seenSince", seenSince)));
        }
        if (segment != null && !segment.isBlank()) {
            filters.add(Filters.or(Filters.eq("segments", segment), Filters.eq("segments.id", segment)));
        }
        List<Document> docs = new ArrayList<>();
        store.profiles().find(Filters.and(filters)).sort(Sorts.ascending("_id")).limit(limit + 1).into(docs);
        String next = docs.size() > limit ? docs.get(limit - 1).getString("_id") : null;
        List<ProfileView> items = docs.stream().limit(limit).map(d -> ProfileView.of(d, null)).toList();
        return new ProfilePage(items, next);
    }

    /** The timeline of the profile (events of every profile merged into it), newest first. */
    public Optional<EventPage> events(String ws, String id, String type, String name, String from, String to,
            String cursor, int limit) {
        Optional<Document> profile = root(ws, id);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("ws", ws));
        filters.add(Filters.in("originProfileId", profile.get().getList("originIds", String.class)));
        if (type != null && !type.isBlank()) {
            filters.add(Filters.eq("type", type));
        }
        if (name != null && !name.isBlank()) {
            filters.add(Filters.eq("name", name));
        }
        if (from != null) {
            filters.add(Filters.gte("timestamp", date("from", from)));
        }
        if (to != null) {
            filters.add(Filters.lt("timestamp", date("to", to)));
        }
        if (cursor != null && !cursor.isBlank()) {
            String[] parts = decodeCursor(cursor);
            Date at = new Date(Long.parseLong(parts[0]));
            filters.add(Filters.or(Filters.lt("timestamp", at),
                    Filters.and(Filters.eq("timestamp", at), Filters.lt("_id", parts[1]))));
        }
        List<Document> docs = new ArrayList<>();
        store.events().find(Filters.and(filters)).sort(Sorts.orderBy(Sorts.descending("timestamp"),
                Sorts.descending("_id"))).limit(limit + 1).into(docs);
        String next = null;
        if (docs.size() > limit) {
            Document last = docs.get(limit - 1);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString((last.getDate("timestamp").getTime() + "|"
                    + last.getString("_id")).getBytes(StandardCharsets.UTF_8));
        }
        return Optional.of(new EventPage(docs.stream().limit(limit).map(EventView::of).toList(), next));
    }

    private static String[] decodeCursor(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = s.indexOf('|');
            Long.parseLong(s.substring(0, bar));
            return new String[] {s.substring(0, bar), s.substring(bar + 1)};
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor returned by this API");
        }
    }

    static Date date(String field, String value) {
        try {
            return Date.from(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO-8601 instant such as 2026-11-29T05:00:00Z");
        }
    }
}
