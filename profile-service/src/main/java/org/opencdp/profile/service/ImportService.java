package org.opencdp.profile.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.opencdp.profile.IdentityRules;
import org.opencdp.profile.IngestResult;
import org.opencdp.profile.Observation;
import org.opencdp.profile.api.ImportReport;
import org.opencdp.profile.config.ProfileConfig;
import org.opencdp.profile.repository.ProfileStore;
import org.opencdp.profile.repository.SourceRecordRepository;

/**
 * Second-party imports: each row is a record of source {@code import:<name>} with id {@code recordId} (its own column)
 * or {@code <type>:<hash of the normalised value>} of its highest-priority identifier. A row links deterministically to
 * the profile holding any of its identifiers (or creates one); re-importing a row with the same data changes nothing,
 * with other data it replaces what that row contributed before. Rows are applied in chunks through
 * {@link ProfileIngestion}.
 */
@ApplicationScoped
public class ImportService {
    static final int CHUNK = 200;
    private static final Pattern OWN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private final ProfileIngestion ingestion;
    private final SourceRecordRepository records;
    private final IdentityRulesService rules;
    private final ProfileStore store;
    private final IdentifierNormalizer normalizer;

    public ImportService(ProfileIngestion ingestion, SourceRecordRepository records, IdentityRulesService rules,
            ProfileStore store, ProfileConfig config) {
        this.ingestion = ingestion;
        this.records = records;
        this.rules = rules;
        this.store = store;
        this.normalizer = new IdentifierNormalizer(config.defaultRegion());
    }

    public enum Format { CSV, NDJSON }

    /** A row ready to apply. */
    private record Prepared(ImportParser.Row row, String recordId, String key, String hash,
            List<Observation.Identifier> normalised) {}

    public ImportReport importRows(String ws, String sourceName, Format format, byte[] body) {
        IdentityRules r = rules.cached(ws);
        List<String> types = r.types().stream().map(IdentityRules.TypeRule::type).toList();
        ImportParser parser = new ImportParser(types);
        List<ImportParser.Row> rows = format == Format.CSV ? parser.csv(body) : parser.ndjson(body);
        String source = "import:" + sourceName;
        ImportReport.Row[] results = new ImportReport.Row[rows.size()];
        Map<String, Integer> occurrences = new HashMap<>();
        Set<String> profilesOfThisImport = new HashSet<>();
        List<Integer> chunk = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportParser.Row row = rows.get(i);
            Optional<Prepared> p = prepare(ws, source, row, types, results, i);
            if (p.isEmpty()) {
                continue;
            }
            Prepared ready = p.get();
            int occurrence = occurrences.merge(ready.recordId(), 1, Integer::sum);
            if (occurrence > 1) {
                if (row.recordId() != null) {
                    results[i] = invalid(row, ready.recordId(), "recordId already used by an earlier row");
                    continue;
                }
                // another row about the same person: its own record, numbered by its place in the file, so that
                // importing the file again finds the same records
                String id = ready.recordId() + ':' + occurrence;
                ready = new Prepared(row, id, SourceRecordRepository.key(ws, source, id), ready.hash(),
                        ready.normalised());
            }
            chunk.add(i);
            prepared.add(ready);
            if (chunk.size() == CHUNK) {
                apply(ws, source, chunk, prepared, results, profilesOfThisImport);
                chunk.clear();
                prepared.clear();
            }
        }
        apply(ws, source, chunk, prepared, results, profilesOfThisImport);
        return ImportReport.of(sourceName, List.of(results));
    }

    private Optional<Prepared> prepare(String ws, String source, ImportParser.Row row, List<String> types,
            ImportReport.Row[] results, int i) {
        if (row.error() != null) {
            results[i] = invalid(row, null, row.error());
            return Optional.empty();
        }
        List<Observation.Identifier> normalised = new ArrayList<>();
        for (Observation.Identifier id : row.identifiers()) {
            normalizer.normalise(id.type(), id.value())
                    .ifPresent(v -> normalised.add(new Observation.Identifier(id.type(), v)));
        }
        if (row.identifiers().isEmpty()) {
            results[i] = invalid(row, null, "no identifier column has a value");
            return Optional.empty();
        }
        if (normalised.isEmpty()) {
            results[i] = invalid(row, null, "no usable identifier (malformed e-mail or phone, or too long)");
            return Optional.empty();
        }
        String recordId;
        if (row.recordId() != null) {
            if (!OWN_ID.matcher(row.recordId()).matches()) {
                results[i] = invalid(row, null, "recordId must be 1-128 letters, digits or ._:@-");
                return Optional.empty();
            }
            recordId = row.recordId();
        } else {
            Observation.Identifier primary = normalised.stream()
                    .min(java.util.Comparator.comparingInt(id -> types.indexOf(id.type()))).orElseThrow();
            recordId = primary.type() + ':' + Ids.hash(primary.value(), 16);
        }
        return Optional.of(new Prepared(row, recordId, SourceRecordRepository.key(ws, source, recordId),
                hash(normalised, row.traits()), normalised));
    }

    private void apply(String ws, String source, List<Integer> indexes, List<Prepared> prepared,
            ImportReport.Row[] results, Set<String> profilesOfThisImport) {
        if (prepared.isEmpty()) {
            return;
        }
        Map<String, SourceRecordRepository.State> states = records.findAll(prepared.stream().map(Prepared::key)
                .toList());
        Set<String> known = knownIdentities(ws, prepared);
        Instant now = Instant.now();
        List<Observation> observations = new ArrayList<>();
        List<Integer> sent = new ArrayList<>();
        for (int k = 0; k < prepared.size(); k++) {
            Prepared p = prepared.get(k);
            SourceRecordRepository.State state = states.get(p.key());
            if (state != null && !state.deleted() && p.hash().equals(state.hash())) {
                results[indexes.get(k)] = new ImportReport.Row(p.row().line(), ImportReport.Status.UNCHANGED,
                        p.recordId(), state.profileId(), null);
                profilesOfThisImport.add(state.profileId());
                continue;
            }
            observations.add(Observation.record(source, p.recordId(), p.recordId() + ':' + p.hash().substring(0, 12),
                    p.row().identifiers(), p.row().traits(), Map.of(), now));
            sent.add(k);
        }
        if (observations.isEmpty()) {
            return;
        }
        List<IngestResult.Outcome> outcomes = ingestion.ingest(ws, observations).outcomes();
        List<SourceRecordRepository.Applied> applied = new ArrayList<>();
        for (int j = 0; j < outcomes.size(); j++) {
            int k = sent.get(j);
            Prepared p = prepared.get(k);
            IngestResult.Outcome o = outcomes.get(j);
            if (o.status() != IngestResult.Status.STORED) {
                results[indexes.get(k)] = invalid(p.row(), p.recordId(), "no usable identifier (blocked value, or a "
                        + "type not in the workspace's identity rules)");
                continue;
            }
            SourceRecordRepository.State state = states.get(p.key());
            ImportReport.Status status;
            if (state != null && !state.deleted()) {
                status = ImportReport.Status.UPDATED;
            } else if (profilesOfThisImport.contains(o.profileId())
                    || p.normalised().stream()
                            .anyMatch(id -> known.contains(Ids.identity(ws, id.type(), id.value())))) {
                status = ImportReport.Status.LINKED;
            } else {
                status = ImportReport.Status.CREATED;
            }
            profilesOfThisImport.add(o.profileId());
            applied.add(new SourceRecordRepository.Applied(p.key(), state == null ? 1 : state.sequence() + 1,
                    o.profileId(), p.hash()));
            results[indexes.get(k)] = new ImportReport.Row(p.row().line(), status, p.recordId(), o.profileId(),
                    o.notes().isEmpty() ? null : String.join("; ", o.notes()));
        }
        records.appliedAll(ws, applied, now);
    }

    /** The identity keys of the chunk that already belong to a profile (read before applying it). */
    private Set<String> knownIdentities(String ws, List<Prepared> prepared) {
        Set<String> keys = new LinkedHashSet<>();
        prepared.forEach(p -> p.normalised().forEach(id -> keys.add(Ids.identity(ws, id.type(), id.value()))));
        Set<String> known = new HashSet<>();
        store.identities().find(Filters.in("_id", keys)).projection(new org.bson.Document("_id", 1))
                .forEach(d -> known.add(d.getString("_id")));
        return known;
    }

    private static ImportReport.Row invalid(ImportParser.Row row, String recordId, String reason) {
        return new ImportReport.Row(row.line(), ImportReport.Status.INVALID, recordId, null, reason);
    }

    /** A digest of what the row says (identifiers in canonical form, traits), independent of column order. */
    private static String hash(List<Observation.Identifier> ids, Map<String, Object> traits) {
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("i", ids.stream().map(id -> id.type() + '=' + id.value()).sorted().toList());
        canonical.put("t", traits);
        try {
            return Ids.hash(CANONICAL.writeValueAsString(canonical), 16);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
