package org.opencdp.crm.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.hibernate.StaleObjectStateException;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.common.rest.Versions;
import org.opencdp.crm.Contact;
import org.opencdp.crm.api.ContactInput;
import org.opencdp.crm.api.ContactView;
import org.opencdp.crm.api.ContactPage;
import org.opencdp.crm.repository.ContactFilter;
import org.opencdp.crm.repository.ContactRepository;
import org.opencdp.crm.repository.ContactSort;

/** Contacts: create, read, update (full and JSON merge patch) with optimistic concurrency, delete, list. */
@ApplicationScoped
public class ContactService {
    private final ContactRepository contacts;
    private final ContactFields fields;
    private final ContactOutbox outbox;
    private final MergePatch patches;

    public ContactService(ContactRepository contacts, ContactFields fields, ContactOutbox outbox, MergePatch patches) {
        this.contacts = contacts;
        this.fields = fields;
        this.outbox = outbox;
        this.patches = patches;
    }

    @Transactional
    public Contact create(String workspaceId, ContactInput input) {
        Contact c = new Contact();
        c.id = UUID.randomUUID();
        c.workspaceId = workspaceId;
        fields.apply(workspaceId, c, input);
        c.createdAt = Now.instant();
        c.updatedAt = c.createdAt;
        contacts.persist(c);
        contacts.flush();
        outbox.upserted(c);
        return c;
    }

    @Transactional
    public Optional<Contact> get(String workspaceId, UUID id) {
        return contacts.findInWorkspace(workspaceId, id);
    }

    @Transactional
    public Contact replace(String workspaceId, UUID id, ContactInput input, OptionalLong ifMatch) {
        Contact c = load(workspaceId, id, ifMatch);
        fields.apply(workspaceId, c, input);
        return saved(c);
    }

    /** Applies a JSON merge patch (RFC 7396) to the contact's writable fields. */
    @Transactional
    public Contact patch(String workspaceId, UUID id, ObjectNode patch, OptionalLong ifMatch) {
        Contact c = load(workspaceId, id, ifMatch);
        ContactInput input = patches.apply(ContactView.of(c).toInput(), patch, ContactInput.class, "customFields");
        fields.apply(workspaceId, c, input);
        return saved(c);
    }

    @Transactional
    public void delete(String workspaceId, UUID id, OptionalLong ifMatch) {
        Contact c = load(workspaceId, id, ifMatch);
        var em = contacts.getEntityManager();
        // the contact's own records go with it; deals stay (they belong to the business) without the contact
        em.createNativeQuery("delete from interaction where workspace_id = ?1 and contact_id = ?2")
                .setParameter(1, workspaceId).setParameter(2, id).executeUpdate();
        em.createNativeQuery("delete from satisfaction_response where workspace_id = ?1 and contact_id = ?2")
                .setParameter(1, workspaceId).setParameter(2, id).executeUpdate();
        em.createNativeQuery("update deal set contact_ids = array_remove(contact_ids, cast(?2 as uuid)),"
                        + " version = version + 1 where workspace_id = ?1 and contact_ids @> array[cast(?2 as uuid)]")
                .setParameter(1, workspaceId).setParameter(2, id).executeUpdate();
        outbox.deleted(c);
        contacts.delete(c);
    }

    @Transactional
    public ContactPage list(String workspaceId, ContactFilter filter, ContactSort sort, String cursor,
                                  int limit) {
        String afterValue = null;
        UUID afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            String[] parts = decodeCursor(cursor);
            if (!parts[0].equals(sort.wire())) {
                throw ProblemException.badRequest("cursor", "was made for sort " + parts[0]);
            }
            afterValue = parts[1];
            afterId = UUID.fromString(parts[2]);
        }
        List<Contact> rows = contacts.page(workspaceId, filter, sort, afterValue, afterId, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Contact last = rows.get(limit - 1);
            next = encodeCursor(sort.wire() + "|" + ContactRepository.cursorValue(last, sort) + "|" + last.id);
        }
        return new ContactPage(rows.stream().map(ContactView::of).toList(), next);
    }

    Contact load(String workspaceId, UUID id, OptionalLong ifMatch) {
        Contact c = contacts.findInWorkspace(workspaceId, id)
                .orElseThrow(() -> ProblemException.notFound("Contact " + id));
        if (ifMatch.isPresent() && ifMatch.getAsLong() != c.version) {
            throw Versions.staleWrite("contact");
        }
        return c;
    }

    /** Flushes the change (a concurrent write is a 412) and records it in the outbox. */
    Contact saved(Contact c) {
        c.updatedAt = Now.instant();
        try {
            contacts.flush();
        } catch (OptimisticLockException | StaleObjectStateException e) {
            throw Versions.staleWrite("contact");
        }
        outbox.upserted(c);
        return c;
    }

    private static String encodeCursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decodeCursor(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int first = raw.indexOf('|');
            int last = raw.lastIndexOf('|');
            if (first < 0 || last <= first) {
                throw new IllegalArgumentException();
            }
            String[] parts = {raw.substring(0, first), raw.substring(first + 1, last), raw.substring(last + 1)};
            UUID.fromString(parts[2]);
            return parts;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor", "not a cursor returned by this list");
        }
    }
}
