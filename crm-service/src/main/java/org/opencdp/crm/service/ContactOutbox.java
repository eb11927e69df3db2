package org.opencdp.crm.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencdp.crm.Address;
import org.opencdp.crm.Contact;
import org.opencdp.crm.OutboxEvent;
import org.opencdp.crm.repository.CompanyRepository;
import org.opencdp.crm.repository.OutboxRepository;

/**
 * Writes a contact's change to the outbox in the caller's transaction, as the first-party source record that
 * profile-service applies (the body of {@code PUT /api/profiles/sources/crm/records/{contactId}}). The contact must be
 * flushed first so that its version, the record's sequence, is the stored one.
 */
@ApplicationScoped
public class ContactOutbox {
    private final OutboxRepository outbox;
    private final CompanyRepository companies;
    private final ObjectMapper json;

    public ContactOutbox(OutboxRepository outbox, CompanyRepository companies, ObjectMapper json) {
        this.outbox = outbox;
        this.companies = companies;
        this.json = json;
    }

    /** Sequence of the record for a stored contact: its version + 1 (versions start at 0). */
    public static long sequence(Contact c) {
        return c.version + 1;
    }

    public void upserted(Contact c) {
        Instant now = Now.instant();
        write(c.workspaceId, c.id, OutboxEvent.UPSERT, sequence(c), payload(c, now), now);
    }

    /** A deleted (or merged-away) contact; its sequence follows the last upsert's. */
    public void deleted(Contact c) {
        write(c.workspaceId, c.id, OutboxEvent.DELETE, sequence(c) + 1, null, Now.instant());
    }

    private void write(String workspaceId, UUID contactId, String operation, long sequence, String payload,
                       Instant now) {
        OutboxEvent e = new OutboxEvent();
        e.id = UUID.randomUUID();
        e.workspaceId = workspaceId;
        e.contactId = contactId;
        e.operation = operation;
        e.sequence = sequence;
        e.payload = payload;
        e.nextAttemptAt = now;
        e.createdAt = now;
        outbox.persist(e);
    }

    private String payload(Contact c, Instant now) {
        List<Map<String, String>> identifiers = new ArrayList<>();
        identifiers.add(Map.of("type", "crmContactId", "value", c.id.toString()));
        for (String email : c.emails) {
            identifiers.add(Map.of("type", "email", "value", email));
        }
        for (String phone : c.phones) {
            identifiers.add(Map.of("type", "phone", "value", phone));
        }
        Map<String, Object> traits = new LinkedHashMap<>();
        putIf(traits, "firstName", c.firstName);
        putIf(traits, "lastName", c.lastName);
        putIf(traits, "birthday", c.birthday == null ? null : c.birthday.toString());
        if (c.companyId != null) {
            companies.findInWorkspace(c.workspaceId, c.companyId).ifPresent(co -> traits.put("company", co.name));
        }
        traits.put("lifecycleStage", c.lifecycleStage.wire());
        putIf(traits, "owner", c.owner);
        traits.put("tags", List.of(c.tags));
        Map<String, Object> address = address(c.address);
        if (!address.isEmpty()) {
            traits.put("address", address);
        }
        if (c.customFields != null && !c.customFields.isEmpty()) {
            traits.put("customFields", c.customFields);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sequence", sequence(c));
        body.put("occurredAt", now.toString());
        body.put("identifiers", identifiers);
        body.put("traits", traits);
        body.put("consents", Map.of("emailMarketing", c.emailMarketing, "smsMarketing", c.smsMarketing,
                "whatsappMarketing", c.whatsappMarketing));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the source record of contact " + c.id, e);
        }
    }

    private static Map<String, Object> address(Address a) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (a != null) {
            putIf(m, "line1", a.line1);
            putIf(m, "line2", a.line2);
            putIf(m, "city", a.city);
            putIf(m, "region", a.region);
            putIf(m, "postalCode", a.postalCode);
            putIf(m, "country", a.country);
        }
        return m;
    }

    private static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
