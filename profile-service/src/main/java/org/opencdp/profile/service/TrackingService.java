package org.opencdp.profile.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.profile.IdentityRules;
import org.opencdp.profile.IngestResult;
import org.opencdp.profile.Observation;
import org.opencdp.profile.api.TrackingResponse;
import org.opencdp.profile.config.ProfileConfig;
import org.opencdp.profile.repository.DeadLetterRepository;

/**
 * The Segment-compatible tracking API: validates single calls and batches, keeps rejected messages as dead letters
 * with the reason, and hands the valid ones to {@link ProfileIngestion} in one call per request.
 */
@ApplicationScoped
public class TrackingService {
    public static final int MAX_MESSAGE_BYTES = 32 * 1024;
    public static final int MAX_BATCH_BYTES = 500 * 1024;
    static final String NO_ID = "no usable identifier: userId/anonymousId (and traits) are empty, blocked or invalid";
    private final ObjectMapper mapper;
    private final TrackingParser parser;
    private final ProfileIngestion ingestion;
    private final DeadLetterRepository deadLetters;
    private final IdentityRulesService rules;
    private final ProfileConfig config;

    public TrackingService(ObjectMapper mapper, ProfileIngestion ingestion, DeadLetterRepository deadLetters,
            IdentityRulesService rules, ProfileConfig config) {
        this.mapper = mapper;
        this.parser = new TrackingParser(mapper);
        this.ingestion = ingestion;
        this.deadLetters = deadLetters;
        this.rules = rules;
        this.config = config;
    }

    /** One identify/track/page/screen/group/alias call. */
    public TrackingResponse single(String ws, String type, byte[] body, String clientIp, String requestId) {
        if (body.length > MAX_MESSAGE_BYTES) {
            throw new ProblemException(413, "A tracking message may be at most 32 KB");
        }
        JsonNode node = json(body);
        Instant now = Instant.now();
        TrackingParser.Parsed parsed = parser.parse(node, type, null, now, clientIp, customTypes(ws));
        if (parsed.rejection() != null) {
            TrackingParser.Rejection r = parsed.rejection();
            deadLetters.add(ws, List.of(new DeadLetterRepository.Entry("/v1/" + type, null, r.field(), r.reason(),
                    new String(body, StandardCharsets.UTF_8))), now, config.deadLetterRetention(), requestId);
            throw new ProblemException(400, r.field() + " " + r.reason(), List.of(r.violation("")));
        }
        IngestResult result = ingestion.ingest(ws, List.of(parsed.observation()));
        if (result.outcomes().get(0).status() == IngestResult.Status.NO_IDENTIFIER) {
            deadLetters.add(ws, List.of(new DeadLetterRepository.Entry("/v1/" + type, null, "userId", NO_ID,
                    new String(body, StandardCharsets.UTF_8))), now, config.deadLetterRetention(), requestId);
            throw ProblemException.badRequest("userId", NO_ID);
        }
        return TrackingResponse.OK;
    }

    /** {@code {"batch":[...], "sentAt":..., "context":...}}: valid messages stored, invalid ones reported. */
    public TrackingResponse batch(String ws, byte[] body, String clientIp, String requestId) {
        if (body.length > MAX_BATCH_BYTES) {
            throw new ProblemException(413, "A batch may be at most 500 KB");
        }
        JsonNode root = json(body);
        if (!(root instanceof ObjectNode envelope) || !root.path("batch").isArray()) {
            throw ProblemException.badRequest("batch", "must be an array of messages");
        }
        JsonNode batch = root.get("batch");
        if (batch.isEmpty()) {
            throw ProblemException.badRequest("batch", "must contain at least one message");
        }
        Instant now = Instant.now();
        Set<String> custom = customTypes(ws);
        List<Observation> valid = new ArrayList<>();
        List<Integer> validIndex = new ArrayList<>();
        List<TrackingResponse.Rejected> rejected = new ArrayList<>();
        List<DeadLetterRepository.Entry> dead = new ArrayList<>();
        boolean measure = body.length > MAX_MESSAGE_BYTES;
        for (int i = 0; i < batch.size(); i++) {
            JsonNode m = batch.get(i);
            TrackingParser.Parsed parsed = measure && size(m) > MAX_MESSAGE_BYTES
                    ? new TrackingParser.Parsed(null, new TrackingParser.Rejection("", "message larger than 32 KB"))
                    : parser.parse(m, null, envelope, now, clientIp, custom);
            if (parsed.rejection() != null) {
                TrackingParser.Rejection r = parsed.rejection();
                rejected.add(new TrackingResponse.Rejected(i, r.field(), r.reason()));
                dead.add(new DeadLetterRepository.Entry("/v1/batch", i, r.field(), r.reason(), m.toString()));
            } else {
                valid.add(parsed.observation());
                validIndex.add(i);
            }
        }
        if (!valid.isEmpty()) {
            IngestResult result = ingestion.ingest(ws, valid);
            for (IngestResult.Outcome o : result.outcomes()) {
                if (o.status() == IngestResult.Status.NO_IDENTIFIER) {
                    int i = validIndex.get(o.index());
                    rejected.add(new TrackingResponse.Rejected(i, "userId", NO_ID));
                    dead.add(new DeadLetterRepository.Entry("/v1/batch", i, "userId", NO_ID, batch.get(i).toString()));
                }
            }
            rejected.sort(java.util.Comparator.comparingInt(TrackingResponse.Rejected::index));
        }
        deadLetters.add(ws, dead, now, config.deadLetterRetention(), requestId);
        if (rejected.size() == batch.size()) {
            List<Problem.Violation> violations = rejected.stream()
                    .map(r -> new Problem.Violation("batch[" + r.index() + "]" + (r.field().isEmpty() ? ""
                            : "." + r.field()), r.reason())).toList();
            throw new ProblemException(400, "No valid message in the batch: " + violations.stream()
                    .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")), violations);
        }
        return rejected.isEmpty() ? TrackingResponse.OK : new TrackingResponse(true, rejected);
    }

    private Set<String> customTypes(String ws) {
        IdentityRules r = rules.cached(ws);
        return r.types().stream().filter(t -> !t.builtIn()).map(IdentityRules.TypeRule::type)
                .collect(Collectors.toSet());
    }

    private int size(JsonNode m) {
        try {
            return mapper.writeValueAsBytes(m).length;
        } catch (JsonProcessingException e) {
            return Integer.MAX_VALUE;
        }
    }

    private JsonNode json(byte[] body) {
        if (body.length == 0) {
            throw new ProblemException(400, "The body is empty; send a JSON message");
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(400, "The body is not valid JSON");
        }
    }
}
