package org.opencdp.crm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.crm.Contact;
import org.opencdp.crm.api.Consents;
import org.opencdp.crm.api.ContactInput;
import org.opencdp.crm.api.ContactView;
import org.opencdp.crm.repository.ContactRepository;
import org.opencdp.crm.repository.InteractionRepository;
import org.opencdp.crm.repository.SatisfactionRepository;

/**
 * Merges a duplicate (B) into a contact (A) in one transaction: A keeps its fields and gains B's e-mails, phones and
 * tags and any field A lacks; a consent given on either is kept; B's interactions, satisfaction answers and deals move
 * to A; B is deleted. profile-service is told by the outbox: DELETE of B's record, then PUT of A's.
 */
@ApplicationScoped
public class ContactMergeService {
    private final ContactService contactService;
    private final ContactRepository contacts;
    private final ContactFields fields;
    private final ContactOutbox outbox;
    private final InteractionRepository interactions;
    private final SatisfactionRepository satisfaction;

    public ContactMergeService(ContactService contactService, ContactRepository contacts, ContactFields fields,
                               ContactOutbox outbox, InteractionRepository interactions,
                               SatisfactionRepository satisfaction) {
        this.contactService = contactService;
        this.contacts = contacts;
        this.fields = fields;
        this.outbox = outbox;
        this.interactions = interactions;
        this.satisfaction = satisfaction;
    }

    @Transactional
    public Contact merge(String workspaceId, UUID survivorId, UUID absorbedId, OptionalLong ifMatch) {
        if (survivorId.equals(absorbedId)) {
            throw ProblemException.badRequest("contactId", "a contact cannot absorb itself");
        }
        Contact a = contactService.load(workspaceId, survivorId, ifMatch);
        Contact b = contacts.findInWorkspace(workspaceId, absorbedId)
                .orElseThrow(() -> ProblemException.notFound("Contact " + absorbedId));
        ContactInput merged = merged(ContactView.of(a).toInput(), ContactView.of(b).toInput());
        interactions.moveContact(workspaceId, b.id, a.id);
        satisfaction.moveContact(workspaceId, b.id, a.id);
        contacts.getEntityManager().createNativeQuery("update deal set contact_ids = array(select distinct x from"
                        + " unnest(array_replace(contact_ids, cast(?1 as uuid), cast(?2 as uuid))) x),"
                        + " version = version + 1 where workspace_id = ?3 and contact_ids @> array[cast(?1 as uuid)]")
                .setParameter(1, b.id).setParameter(2, a.id).setParameter(3, workspaceId).executeUpdate();
        outbox.deleted(b);
        contacts.delete(b);
        contacts.flush();
        fields.apply(workspaceId, a, merged);
        return contactService.saved(a);
    }

    static ContactInput merged(ContactInput a, ContactInput b) {
        Map<String, Object> custom = new LinkedHashMap<>(b.customFields() == null ? Map.of() : b.customFields());
        if (a.customFields() != null) {
            custom.putAll(a.customFields());
        }
        Consents ca = a.consents();
        Consents cb = b.consents();
        Consents consents = new Consents(any(ca.emailMarketing(), cb.emailMarketing()),
                any(ca.smsMarketing(), cb.smsMarketing()), any(ca.whatsappMarketing(), cb.whatsappMarketing()));
        return new ContactInput(a.firstName() != null ? a.firstName() : b.firstName(),
                a.lastName() != null ? a.lastName() : b.lastName(),
                ContactImportService.union(a.emails(), b.emails()), ContactImportService.union(a.phones(), b.phones()),
                a.companyId() != null ? a.companyId() : b.companyId(), a.address() != null ? a.address() : b.address(),
                a.birthday() != null ? a.birthday() : b.birthday(), a.lifecycleStage(),
                a.owner() != null ? a.owner() : b.owner(), ContactImportService.union(a.tags(), b.tags()), consents,
                custom);
    }

    private static Boolean any(Boolean x, Boolean y) {
        return Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y);
    }
}
