package org.opencdp.profile.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencdp.profile.rest.Tracking.batch;
import static org.opencdp.profile.rest.Tracking.get;
import static org.opencdp.profile.rest.Tracking.profileIdOf;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class ProfileResourceTest {

    @Test
    void listPagesWithACursorAndFilters() {
        String ws = UUID.randomUUID().toString();
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            messages.add(Map.of("type", "identify", "userId", "l-" + i,
                    "traits", i < 3 ? Map.of("plan", "pro", "email", "l" + i + "@example.com") : Map.of("plan", "free")));
        }
        batch(ws, messages).statusCode(200);
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = get(ws, "/api/profiles?limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).statusCode(200)
                    .extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(7, seen.size());
        assertEquals(3, pages);
        get(ws, "/api/profiles?trait=plan:pro").body("items", hasSize(3))
                .body("items.traits.plan", everyItem(equalTo("pro")));
        get(ws, "/api/profiles?identifierType=email").body("items", hasSize(3));
        get(ws, "/api/profiles?updatedSince=2000-01-01T00:00:00Z").body("items", hasSize(7));
        get(ws, "/api/profiles?updatedSince=yesterday").statusCode(400).body("violations.field", hasItem("updatedSince"));
        get(ws, "/api/profiles?limit=0").statusCode(400);
        get(ws, "/api/profiles?trait=plan").statusCode(400);
    }

    @Test
    void theTimelineFiltersByTypeNameAndTimeWithACursor() {
        String ws = UUID.randomUUID().toString();
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            messages.add(Map.of("type", "track", "userId", "t-1", "event", i % 2 == 0 ? "Viewed" : "Bought",
                    "timestamp", "2026-11-0" + (i + 1) + "T10:00:00Z"));
        }
        messages.add(Map.of("type", "page", "userId", "t-1", "name", "Home", "timestamp", "2026-11-09T10:00:00Z"));
        batch(ws, messages).statusCode(200);
        String id = profileIdOf(ws, "userId", "t-1");
        String base = "/api/profiles/" + id + "/events";
        get(ws, base).body("items", hasSize(6)).body("items[0].type", equalTo("page"))
                .body("nextCursor", nullValue());
        get(ws, base + "?type=track&name=Viewed").body("items", hasSize(3));
        get(ws, base + "?from=2026-11-02T00:00:00Z&to=2026-11-04T00:00:00Z").body("items", hasSize(2))
                .body("items.timestamp", equalTo(List.of("2026-11-03T10:00:00Z", "2026-11-02T10:00:00Z")));
        var first = get(ws, base + "?limit=4").body("items", hasSize(4)).body("nextCursor", notNullValue()).extract();
        get(ws, base + "?limit=4&cursor=" + first.path("nextCursor")).body("items", hasSize(2))
                .body("items[1].timestamp", equalTo("2026-11-01T10:00:00Z"));
        get(ws, base + "?cursor=garbage").statusCode(400).body("violations.field", hasItem("cursor"));
        get(ws, "/api/profiles/nope/events").statusCode(404);
    }
}
