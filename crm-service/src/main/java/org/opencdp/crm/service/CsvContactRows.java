package org.opencdp.crm.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opencdp.common.problem.Problem;
import org.opencdp.crm.Company;
import org.opencdp.crm.LifecycleStage;
import org.opencdp.crm.api.AddressDto;
import org.opencdp.crm.api.CompanyInput;
import org.opencdp.crm.api.Consents;
import org.opencdp.crm.api.ContactInput;
import org.opencdp.crm.repository.CompanyRepository;

/**
 * Reads one CSV row into a {@link ContactInput}. Columns (any case, spaces, - and _ ignored): firstName, lastName,
 * email(s), phone(s), company (a name: found, else created), lifecycleStage, owner, tags, birthday, line1, line2,
 * city, region, postalCode, country, emailMarketing, smsMarketing, whatsappMarketing. Several e-mails, phones or tags
 * are separated by ';'. Any other column becomes a custom field.
 */
@ApplicationScoped
public class CsvContactRows {
    private final CompanyRepository companies;
    private final CompanyService companyService;

    public CsvContactRows(CompanyRepository companies, CompanyService companyService) {
        this.companies = companies;
        this.companyService = companyService;
    }

    public record Parsed(ContactInput input, List<Problem.Violation> violations) {}

    public Parsed parse(String ws, List<String> header, List<String> values) {
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, Object> custom = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = i < values.size() ? values.get(i).strip() : "";
            String name = header.get(i).strip();
            String key = name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
            if (raw.isEmpty() || name.isEmpty()) {
                continue;
            }
            if (KNOWN.contains(key)) {
                v.put(key.replaceAll("s$", ""), raw);
            } else {
                custom.put(name, raw);
            }
        }
        List<Problem.Violation> violations = new ArrayList<>();
        LifecycleStage stage = null;
        if (v.containsKey("lifecyclestage")) {
            try {
                stage = LifecycleStage.fromWire(v.get("lifecyclestage"));
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation("lifecycleStage", e.getMessage()));
            }
        }
        LocalDate birthday = null;
        if (v.containsKey("birthday")) {
            try {
                birthday = LocalDate.parse(v.get("birthday"));
            } catch (DateTimeParseException e) {
                violations.add(new Problem.Violation("birthday", "must be an ISO date such as 1990-05-01"));
            }
        }
        Consents consents = null;
        if (v.containsKey("emailmarketing") || v.containsKey("smsmarketing") || v.containsKey("whatsappmarketing")) {
            consents = new Consents(bool(v, "emailmarketing", "emailMarketing", violations),
                    bool(v, "smsmarketing", "smsMarketing", violations),
                    bool(v, "whatsappmarketing", "whatsappMarketing", violations));
        }
        AddressDto address = null;
        if (v.containsKey("line1") || v.containsKey("line2") || v.containsKey("city") || v.containsKey("region")
                || v.containsKey("postalcode") || v.containsKey("country")) {
            address = new AddressDto(v.get("line1"), v.get("line2"), v.get("city"), v.get("region"),
                    v.get("postalcode"), v.get("country"));
        }
        UUID companyId = v.containsKey("company") && v.get("company").length() <= 200
                ? company(ws, v.get("company")) : null;
        ContactInput input = new ContactInput(v.get("firstname"), v.get("lastname"), list(v.get("email")),
                list(v.get("phone")), companyId, address, birthday, stage, v.get("owner"), list(v.get("tag")),
                consents, custom.isEmpty() ? null : custom);
        return new Parsed(input, violations);
    }

    private UUID company(String ws, String name) {
        return companies.findByName(ws, name).map(c -> c.id).orElseGet(() -> {
            Company c = companyService.create(ws, new CompanyInput(name, null, null));
            return c.id;
        });
    }

    private static final List<String> KNOWN = List.of("firstname", "lastname", "email", "emails", "phone", "phones",
            "company", "lifecyclestage", "owner", "tag", "tags", "birthday", "line1", "line2", "city", "region",
            "postalcode", "country", "emailmarketing", "smsmarketing", "whatsappmarketing");

    private static List<String> list(String value) {
        return value == null ? null : Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static Boolean bool(Map<String, String> v, String key, String field, List<Problem.Violation> violations) {
        String value = v.get(key);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> {
                violations.add(new Problem.Violation(field, "must be true or false"));
                yield null;
            }
        };
    }
}
