package org.opencdp.crm.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.crm.Contact;
import org.opencdp.crm.LifecycleStage;
import org.opencdp.crm.api.Consents;
import org.opencdp.crm.api.ContactInput;
import org.opencdp.crm.repository.CompanyRepository;

/** Applies a validated {@link ContactInput} to a contact: normalises e-mails, phones and tags; checks the company. */
@ApplicationScoped
public class ContactFields {
    private final ContactPoints points;
    private final CompanyRepository companies;

    public ContactFields(ContactPoints points, CompanyRepository companies) {
        this.points = points;
        this.companies = companies;
    }

    /** Replaces every writable field of {@code c} with the input's; a 400 names each invalid field. */
    public void apply(String workspaceId, Contact c, ContactInput in) {
        List<Problem.Violation> violations = new ArrayList<>();
        List<String> emails = emails(in.emails(), violations);
        List<String> phones = phones(in.phones(), violations);
        if (blank(in.firstName()) && blank(in.lastName()) && emails.isEmpty() && phones.isEmpty()
                && violations.isEmpty()) {
            violations.add(new Problem.Violation("firstName",
                    "a contact needs a name, an e-mail address or a phone number"));
        }
        if (in.companyId() != null && companies.findInWorkspace(workspaceId, in.companyId()).isEmpty()) {
            violations.add(new Problem.Violation("companyId", "no such company in this workspace"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, violations.stream().map(v -> v.field() + ": " + v.message())
                    .reduce((a, b) -> a + "; " + b).orElse("Invalid contact"), violations);
        }
        c.firstName = trimToNull(in.firstName());
        c.lastName = trimToNull(in.lastName());
        c.refreshKeys();
        c.emails = emails.toArray(String[]::new);
        c.phones = phones.toArray(String[]::new);
        c.companyId = in.companyId();
        c.address = in.address() == null ? null : in.address().toEntity();
        c.birthday = in.birthday();
        c.lifecycleStage = in.lifecycleStage() == null ? LifecycleStage.LEAD : in.lifecycleStage();
        c.owner = trimToNull(in.owner());
        c.tags = tags(in.tags()).toArray(String[]::new);
        Consents consents = in.consents();
        c.emailMarketing = consents != null && Boolean.TRUE.equals(consents.emailMarketing());
        c.smsMarketing = consents != null && Boolean.TRUE.equals(consents.smsMarketing());
        c.whatsappMarketing = consents != null && Boolean.TRUE.equals(consents.whatsappMarketing());
        c.customFields = in.customFields() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(in.customFields());
    }

    private static List<String> emails(List<String> raw, List<Problem.Violation> violations) {
        Set<String> out = new LinkedHashSet<>();
        if (raw != null) {
            for (int i = 0; i < raw.size(); i++) {
                int index = i;
                ContactPoints.email(raw.get(i)).ifPresentOrElse(out::add, () -> violations.add(
                        new Problem.Violation("emails[" + index + "]", "not a valid e-mail address")));
            }
        }
        return new ArrayList<>(out);
    }

    private List<String> phones(List<String> raw, List<Problem.Violation> violations) {
        Set<String> out = new LinkedHashSet<>();
        if (raw != null) {
            for (int i = 0; i < raw.size(); i++) {
                int index = i;
                points.phone(raw.get(i)).ifPresentOrElse(out::add, () -> violations.add(new Problem.Violation(
                        "phones[" + index + "]", "not a valid phone number (give it with + and the country code,"
                        + " or in the national format of " + points.defaultRegion() + ")")));
            }
        }
        return new ArrayList<>(out);
    }

    public static List<String> tags(List<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        if (raw != null) {
            for (String t : raw) {
                if (t != null && !t.isBlank()) {
                    out.add(t.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new ArrayList<>(out);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String trimToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
