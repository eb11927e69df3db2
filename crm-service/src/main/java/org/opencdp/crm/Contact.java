package org.opencdp.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person the business has a relationship with: a lead, prospect, customer or churned customer. */
@Entity
@Table(name = "contact")
public class Contact {
    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "name_key", nullable = false)
    public String nameKey = "";

    @Column(name = "last_name_key", nullable = false)
    public String lastNameKey = "";

    /** Normalised e-mail addresses; the first is the primary one. */
    @Column(nullable = false)
    public String[] emails = new String[0];

    /** E.164 phone numbers; the first is the primary one. */
    @Column(nullable = false)
    public String[] phones = new String[0];

    @Column(name = "company_id")
    public UUID companyId;

    @Embedded
    public Address address;

    public LocalDate birthday;

    @Column(name = "lifecycle_stage", nullable = false)
    public LifecycleStage lifecycleStage = LifecycleStage.LEAD;

    public String owner;

    @Column(nullable = false)
    public String[] tags = new String[0];

    @Column(name = "email_marketing", nullable = false)
    public boolean emailMarketing;

    @Column(name = "sms_marketing", nullable = false)
    public boolean smsMarketing;

    @Column(name = "whatsapp_marketing", nullable = false)
    public boolean whatsappMarketing;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "custom_fields", nullable = false)
    public Map<String, Object> customFields = new LinkedHashMap<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Keeps the search keys in step with the names; call after changing them. */
    public void refreshKeys() {
        String full = ((firstName == null ? "" : firstName.strip()) + " " + (lastName == null ? "" : lastName.strip()))
                .strip();
        nameKey = full.toLowerCase(Locale.ROOT);
        lastNameKey = lastName == null ? "" : lastName.strip().toLowerCase(Locale.ROOT);
    }

    public String primaryEmail() {
        return emails.length == 0 ? null : emails[0];
    }

    public String primaryPhone() {
        return phones.length == 0 ? null : phones[0];
    }
}
