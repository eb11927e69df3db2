package org.opencdp.profile.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.profile.Observation;

/**
 * Reads an import body into rows. CSV ({@code text/csv}, RFC 4180, UTF-8): a header row; a column named like an
 * identifier type of the workspace (case-insensitive: email, phone, userId, crmContactId, deviceId, anonymousId or a
 * custom type) holds identifiers, a column {@code recordId} the row's own id, every other column a trait (text;
 * empty cells are skipped). NDJSON ({@code application/x-ndjson}): one JSON object per line, either
 * {@code {"identifiers":{"email":"..."},"traits":{...},"recordId":"..."}} or flat (identifier-type keys are
 * identifiers, the rest traits). Whole-body problems are 400/413 ProblemExceptions; a bad row becomes a row with an
 * error.
 */
final class ImportParser {
    static final int MAX_ROWS = 10_000;
    static final String RECORD_ID = "recordId";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One data row: its line, identifiers, traits and optional own id; or the reason it is unusable. */
    record Row(int line, List<Observation.Identifier> identifiers, Map<String, Object> traits, String recordId,
            String error) {
        static Row invalid(int line, String error) {
            return new Row(line, List.of(), Map.of(), null, error);
        }
    }

    private final Map<String, String> typesByLowerCase = new HashMap<>();

    ImportParser(List<String> identifierTypes) {
        identifierTypes.forEach(t -> typesByLowerCase.put(t.toLowerCase(Locale.ROOT), t));
    }

    List<Row> csv(byte[] body) {
        List<List<String>> records = CsvReader.read(new String(body, StandardCharsets.UTF_8).replace("\uFEFF", ""));
        if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
            throw ProblemException.badRequest("body", "is empty: a CSV import needs a header row and data rows");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        String[] identifierOf = new String[header.size()];
        boolean anyIdentifier = false;
        Set<String> seen = new java.util.HashSet<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (name.isEmpty() || !seen.add(name.toLowerCase(Locale.ROOT))) {
                throw ProblemException.badRequest("header", "column " + (c + 1) + (name.isEmpty() ? " has no name"
                        : " (" + name + ") appears twice"));
            }
            identifierOf[c] = typesByLowerCase.get(name.toLowerCase(Locale.ROOT));
            anyIdentifier |= identifierOf[c] != null;
        }
        if (!anyIdentifier) {
            throw ProblemException.badRequest("header", "has no identifier column; name one of "
                    + String.join(", ", typesByLowerCase.values()));
        }
        checkSize(records.size() - 1);
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            int line = r + 1;
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            if (cells.size() != header.size()) {
                rows.add(Row.invalid(line, cells.size() + " cells, the header has " + header.size()));
                continue;
            }
            List<Observation.Identifier> ids = new ArrayList<>();
            Map<String, Object> traits = new LinkedHashMap<>();
            String recordId = null;
            for (int c = 0; c < cells.size(); c++) {
                String value = cells.get(c).strip();
                if (value.isEmpty()) {
                    continue;
                }
                if (identifierOf[c] != null) {
                    ids.add(new Observation.Identifier(identifierOf[c], value));
                } else if (header.get(c).equalsIgnoreCase(RECORD_ID)) {
                    recordId = value;
                } else {
                    traits.put(header.get(c), value);
                }
            }
            rows.add(new Row(line, ids, traits, recordId, null));
        }
        return rows;
    }

    List<Row> ndjson(byte[] body) {
        String[] lines = new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r?\n");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            checkSize(rows.size() + 1);
            rows.add(jsonRow(i + 1, lines[i]));
        }
        if (rows.isEmpty()) {
            throw ProblemException.badRequest("body", "is empty: an NDJSON import needs one JSON object per line");
        }
        return rows;
    }

    private Row jsonRow(int line, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return Row.invalid(line, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return Row.invalid(line, "not a JSON object");
        }
        List<Observation.Identifier> ids = new ArrayList<>();
        Map<String, Object> traits = new LinkedHashMap<>();
        boolean structured = node.has("identifiers") || node.has("traits");
        JsonNode identifiers = structured ? node.path("identifiers") : node;
        if (structured && !identifiers.isMissingNode() && !identifiers.isObject()) {
            return Row.invalid(line, "identifiers must be an object of type: value");
        }
        for (Map.Entry<String, JsonNode> f : identifiers.properties()) {
            String type = typesByLowerCase.get(f.getKey().toLowerCase(Locale.ROOT));
            if (type == null) {
                if (structured) {
                    return Row.invalid(line, "identifiers." + f.getKey() + " is not an identifier type of this"
                            + " workspace");
                }
                if (!f.getKey().equals(RECORD_ID)) {
                    traits.put(f.getKey(), JSON.convertValue(f.getValue(), Object.class));
                }
                continue;
            }
            for (JsonNode v : f.getValue().isArray() ? f.getValue() : JSON.createArrayNode().add(f.getValue())) {
                if (!v.isValueNode() || v.isNull()) {
                    return Row.invalid(line, f.getKey() + " must be a string or a list of strings");
                }
                ids.add(new Observation.Identifier(type, v.asText()));
            }
        }
        if (structured && node.has("traits")) {
            if (!node.get("traits").isObject()) {
                return Row.invalid(line, "traits must be an object");
            }
            traits.putAll(JSON.convertValue(node.get("traits"), JsonMaps.TYPE));
        }
        JsonNode recordId = node.get(RECORD_ID);
        return new Row(line, ids, traits, recordId == null || recordId.isNull() ? null : recordId.asText(), null);
    }

    private static void checkSize(int rows) {
        if (rows > MAX_ROWS) {
            throw new ProblemException(413, "At most " + MAX_ROWS + " rows per import; split the file",
                    List.of(new Problem.Violation("body", "more than " + MAX_ROWS + " rows")));
        }
    }

    /** Jackson's type for a JSON object as a map. */
    static final class JsonMaps {
        static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> TYPE =
                new com.fasterxml.jackson.core.type.TypeReference<>() {};

        private JsonMaps() {}
    }
}
