package org.opencdp.crm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.crm.Contact;
import org.opencdp.crm.api.AddressDto;
import org.opencdp.crm.api.Consents;
import org.opencdp.crm.api.ContactInput;
import org.opencdp.crm.api.ContactView;
import org.opencdp.crm.api.ImportReport;
import org.opencdp.crm.repository.ContactRepository;

/**
 * CSV import of contacts in one transaction: each row is created, updates the existing contact with the same
 * normalised e-mail or phone (or is reported as a duplicate of it with {@code onDuplicate=skip}), is a duplicate of
 * an earlier row, or is invalid with the reason. Every created or updated contact goes through the outbox.
 */
@ApplicationScoped
public class ContactImportService {
    public static final int MAX_ROWS = 10_000;
    private final ContactService contactService;
    private final ContactRepository contacts;
    private final ContactFields fields;
    private final CsvContactRows rows;
    private final Validator validator;

    public ContactImportService(ContactService contactService, ContactRepository contacts, ContactFields fields,
                                CsvContactRows rows, Validator validator) {
        this.contactService = contactService;
        this.contacts = contacts;
        this.fields = fields;
        this.rows = rows;
        this.validator = validator;
    }

    @Transactional
    public ImportReport importCsv(String workspaceId, String csv, boolean updateExisting) {
        List<List<String>> records;
        try {
            records = CsvReader.parse(csv == null ? "" : csv);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("body", "not valid CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw ProblemException.badRequest("body", "the CSV needs a header row and at least one contact");
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw ProblemException.badRequest("body", "at most " + MAX_ROWS + " rows per import");
        }
        List<String> header = records.get(0);
        Map<String, Integer> seen = new HashMap<>();
        List<ImportReport.Row> report = new ArrayList<>();
        long[] counts = new long[4];
        for (int r = 1; r < records.size(); r++) {
            int line = r + 1;
            ImportReport.Row row = importRow(workspaceId, header, records.get(r), line, seen, updateExisting);
            counts[switch (row.status()) {
                case "created" -> 0;
                case "updated" -> 1;
                case "duplicate" -> 2;
                default -> 3;
            }]++;
            report.add(row);
        }
        return new ImportReport(counts[0], counts[1], counts[2], counts[3], report);
    }

    private ImportReport.Row importRow(String ws, List<String> header, List<String> values, int line,
                                       Map<String, Integer> seen, boolean updateExisting) {
        CsvContactRows.Parsed parsed = rows.parse(ws, header, values);
        List<Problem.Violation> violations = new ArrayList<>(parsed.violations());
        validator.validate(parsed.input()).forEach(v -> violations.add(
                new Problem.Violation(v.getPropertyPath().toString().replaceAll("\\[(\\d+)]\\.<list element>",
                        "[$1]").replace(".<list element>", ""), v.getMessage())));
        Contact probe = new Contact();
        if (violations.isEmpty()) {
            try {
                fields.apply(ws, probe, parsed.input());
            } catch (ProblemException e) {
                violations.addAll(e.violations() == null ? List.of(new Problem.Violation("row", e.getMessage()))
                        : e.violations());
            }
        }
        if (!violations.isEmpty()) {
            String reason = violations.stream().map(v -> v.field() + ": " + v.message())
                    .reduce((a, b) -> a + "; " + b).orElse("invalid");
            return new ImportReport.Row(line, "invalid", null, null, reason, violations);
        }
        List<String> keys = new ArrayList<>();
        for (String e : probe.emails) {
            keys.add("e:" + e);
        }
        for (String p : probe.phones) {
            keys.add("p:" + p);
        }
        for (String key : keys) {
            if (seen.containsKey(key)) {
                return new ImportReport.Row(line, "duplicate", null, seen.get(key),
                        "same " + (key.startsWith("e:") ? "e-mail" : "phone") + " as line " + seen.get(key), null);
            }
        }
        keys.forEach(k -> seen.put(k, line));
        List<Contact> existing = contacts.findByContactPoints(ws, List.of(probe.emails), List.of(probe.phones));
        if (!existing.isEmpty()) {
            Contact c = existing.get(0);
            if (!updateExisting) {
                return new ImportReport.Row(line, "duplicate", c.id, null, "a contact with this e-mail or phone exists",
                        null);
            }
            fields.apply(ws, c, merged(ContactView.of(c).toInput(), parsed.input()));
            contactService.saved(c);
            return new ImportReport.Row(line, "updated", c.id, null, null, null);
        }
        return new ImportReport.Row(line, "created", contactService.create(ws, parsed.input()).id, null, null, null);
    }

    /** The existing contact's fields, overwritten by the row's non-empty ones; e-mails, phones and tags added. */
    static ContactInput merged(ContactInput cur, ContactInput row) {
        Map<String, Object> custom = new LinkedHashMap<>(cur.customFields() == null ? Map.of() : cur.customFields());
        if (row.customFields() != null) {
            custom.putAll(row.customFields());
        }
        Consents c = cur.consents();
        Consents r = row.consents();
        Consents consents = r == null ? c : new Consents(
                r.emailMarketing() != null ? r.emailMarketing() : c == null ? null : c.emailMarketing(),
                r.smsMarketing() != null ? r.smsMarketing() : c == null ? null : c.smsMarketing(),
                r.whatsappMarketing() != null ? r.whatsappMarketing() : c == null ? null : c.whatsappMarketing());
        AddressDto address = row.address() != null ? row.address() : cur.address();
        return new ContactInput(or(row.firstName(), cur.firstName()), or(row.lastName(), cur.lastName()),
                union(cur.emails(), row.emails()), union(cur.phones(), row.phones()),
                row.companyId() != null ? row.companyId() : cur.companyId(), address,
                row.birthday() != null ? row.birthday() : cur.birthday(),
                row.lifecycleStage() != null ? row.lifecycleStage() : cur.lifecycleStage(),
                or(row.owner(), cur.owner()), union(cur.tags(), row.tags()), consents, custom);
    }

    static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (a != null) {
            out.addAll(a);
        }
        if (b != null) {
            out.addAll(b);
        }
        return new ArrayList<>(out);
    }

    private static String or(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }
}
