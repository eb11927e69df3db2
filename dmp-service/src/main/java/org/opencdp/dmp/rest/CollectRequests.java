package org.opencdp.dmp.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.dmp.api.CollectEvent;
import org.opencdp.dmp.api.CollectResult;
import org.opencdp.dmp.config.DmpConfig;
import org.opencdp.dmp.service.EventPreparer;

/** Reads collect bodies (one event or {"batch":[...]}) and pixel query strings into events. */
@ApplicationScoped
public class CollectRequests {
    private static final Set<String> PIXEL_FIELDS = Set.of("anonymousId", "url", "referrer", "event", "title", "type",
            "consent", "timestamp", "keywords", "writeKey");
    private final ObjectMapper mapper;
    private final DmpConfig config;

    public CollectRequests(ObjectMapper mapper, DmpConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    /** The events of a body; {@code single} when it was one event rather than a batch. Invalid events become null. */
    public record Parsed(List<CollectEvent> events, boolean single) {}

    public Parsed parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("body", "must be one event object or {\"batch\":[...]}");
        }
        JsonNode batch = body.get("batch");
        if (batch == null) {
            return new Parsed(List.of(event(body, true)), true);
        }
        if (!batch.isArray() || batch.isEmpty()) {
            throw ProblemException.badRequest("batch", "must be a non-empty array of events");
        }
        if (batch.size() > config.maxBatch()) {
            throw ProblemException.badRequest("batch", "at most " + config.maxBatch() + " events per call");
        }
        List<CollectEvent> events = new ArrayList<>(batch.size());
        batch.forEach(n -> events.add(event(n, false)));
        return new Parsed(events, false);
    }

    /** A single event that was rejected is a 400 naming the field; otherwise the result as for a batch. */
    public CollectResult singleOutcome(CollectResult result) {
        if (result.rejected() == 1) {
            CollectResult.Note note = result.notes().stream()
                    .filter(n -> EventPreparer.REJECTED.equals(n.outcome())).findFirst().orElseThrow();
            throw new ProblemException(400, note.field() + ": " + note.reason(),
                    List.of(new Problem.Violation(note.field(), note.reason())));
        }
        return result;
    }

    private CollectEvent event(JsonNode node, boolean single) {
        try {
            return node != null && node.isObject() ? mapper.treeToValue(node, CollectEvent.class) : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            if (single) {
                String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                        ? m.getPath().get(0).getFieldName() : "body";
                throw ProblemException.badRequest(field == null ? "body" : field, "has the wrong type");
            }
            return null;
        }
    }

    /** A pixel's query parameters as an event: the known names, the rest as string properties. */
    public static CollectEvent fromQuery(MultivaluedMap<String, String> query) {
        Map<String, Object> properties = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (!PIXEL_FIELDS.contains(name) && !values.isEmpty()) {
                properties.put(name, values.get(0));
            }
        });
        String consent = query.getFirst("consent");
        Map<String, Object> consentMap = consent == null ? null
                : Map.of("advertising", "advertising".equalsIgnoreCase(consent) ? "true" : consent);
        String keywords = query.getFirst("keywords");
        return new CollectEvent(query.getFirst("anonymousId"), query.getFirst("type"), query.getFirst("event"),
                query.getFirst("url"), query.getFirst("referrer"), query.getFirst("title"),
                keywords == null ? null : List.of(keywords.split(",")), properties, null, null, consentMap,
                query.getFirst("timestamp"));
    }
}
