package org.opencdp.crm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencdp.crm.Contact;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    public Optional<Contact> findInWorkspace(String workspaceId, UUID id) {
        return find("workspaceId = ?1 and id = ?2", workspaceId, id).firstResultOptional();
    }

    /** A page of contacts, after the (sort value, id) of the cursor when given; every filter has an index. */
    @SuppressWarnings("unchecked")
    public List<Contact> page(String workspaceId, ContactFilter f, ContactSort sort, String afterValue, UUID afterId,
                              int limit) {
        // an e-mail or phone names one or two contacts: find them by the GIN index first (materialized), since the
        // planner cannot estimate array containment and would otherwise walk the sort index of the whole workspace
        StringBuilder selective = new StringBuilder();
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        params.put("ws", workspaceId);
        if (f.email() != null) {
            selective.append(" and emails @> array[cast(:email as text)]");
            params.put("email", f.email());
        }
        if (f.phone() != null) {
            selective.append(" and phones @> array[cast(:phone as text)]");
            params.put("phone", f.phone());
        }
        if (selective.isEmpty()) {
            sql.append("select * from contact where workspace_id = :ws");
        } else {
            sql.append("with m as materialized (select * from contact where workspace_id = :ws").append(selective)
                    .append(") select * from m where true");
        }
        if (f.namePrefix() != null) {
            sql.append(" and (name_key like :np or last_name_key like :np)");
            params.put("np", likePrefix(f.namePrefix()));
        }
        if (f.companyId() != null) {
            sql.append(" and company_id = :company");
            params.put("company", f.companyId());
        }
        if (f.stage() != null) {
            sql.append(" and lifecycle_stage = :stage");
            params.put("stage", f.stage().wire());
        }
        if (f.owner() != null) {
            sql.append(" and owner = :owner");
            params.put("owner", f.owner());
        }
        if (f.tag() != null) {
            sql.append(" and tags @> array[cast(:tag as text)]");
            params.put("tag", f.tag());
        }
        if (f.updatedSince() != null) {
            sql.append(" and updated_at >= :since");
            params.put("since", f.updatedSince());
        }
        String dir = sort.descending ? "desc" : "asc";
        if (afterId != null) {
            String value = sort.timestamp ? "cast(:cv as timestamptz)" : "cast(:cv as text)";
            sql.append(" and (").append(sort.column).append(", id) ").append(sort.descending ? "<" : ">")
                    .append(" (").append(value).append(", :cid)");
            params.put("cv", afterValue);
            params.put("cid", afterId);
        }
        sql.append(" order by ").append(sort.column).append(' ').append(dir).append(", id ").append(dir)
                .append(" limit :limit");
        params.put("limit", limit);
        Query query = getEntityManager().createNativeQuery(sql.toString(), Contact.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Contacts of the workspace having any of these e-mails or phones (for duplicate detection). */
    @SuppressWarnings("unchecked")
    public List<Contact> findByContactPoints(String workspaceId, List<String> emails, List<String> phones) {
        if (emails.isEmpty() && phones.isEmpty()) {
            return List.of();
        }
        Query query = getEntityManager().createNativeQuery("select * from contact where workspace_id = :ws and"
                + " (emails && cast(string_to_array(:emails, chr(31)) as text[])"
                + " or phones && cast(string_to_array(:phones, chr(31)) as text[]))", Contact.class);
        query.setParameter("ws", workspaceId);
        query.setParameter("emails", String.join("\u001f", emails));
        query.setParameter("phones", String.join("\u001f", phones));
        return query.getResultList();
    }

    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public static String cursorValue(Contact c, ContactSort sort) {
        return switch (sort) {
            case UPDATED_DESC, UPDATED_ASC -> c.updatedAt.toString();
            case CREATED_DESC, CREATED_ASC -> c.createdAt.toString();
            case NAME_ASC, NAME_DESC -> c.nameKey;
        };
    }

    public static Instant parseInstant(String value) {
        return Instant.parse(value);
    }
}
