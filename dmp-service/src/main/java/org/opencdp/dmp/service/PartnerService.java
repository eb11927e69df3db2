package org.opencdp.dmp.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.dmp.api.CollectResult.Note;
import org.opencdp.dmp.api.IdSyncInput;
import org.opencdp.dmp.api.PartnerUpload;
import org.opencdp.dmp.api.PartnerUploadResult;
import org.opencdp.dmp.repository.DmpCollections;
import org.opencdp.dmp.repository.PartnerRepository;

/** Cookie/ID sync with partners and bulk upload of partner segment data; both expire with the retention. */
@ApplicationScoped
public class PartnerService {
    private static final java.util.regex.Pattern PARTNER = java.util.regex.Pattern.compile("[a-z0-9._-]{1,64}");
    private static final Set<String> ID_TYPES = Set.of("cookie", "device", "partner");
    private final PartnerRepository partners;
    private final SettingsService settings;
    private final DmpClock clock;

    public PartnerService(PartnerRepository partners, SettingsService settings, DmpClock clock) {
        this.partners = partners;
        this.settings = settings;
        this.clock = clock;
    }

    /** Records a sync; false (nothing stored) without advertising consent. Invalid input is a 400. */
    public boolean sync(String ws, IdSyncInput in) {
        require("partner", in.partner() != null && PARTNER.matcher(in.partner()).matches(),
                "must be 1-64 lower-case letters, digits, . _ or -");
        require("partnerUserId", in.partnerUserId() != null && !in.partnerUserId().isBlank()
                && in.partnerUserId().length() <= 256, "must be 1-256 characters");
        require("anonymousId", in.anonymousId() != null && !in.anonymousId().isBlank()
                && in.anonymousId().length() <= 128, "must be 1-128 characters");
        require("partnerUserId", PiiScanner.detect(in.partnerUserId()).isEmpty(), "looks like personal data");
        require("anonymousId", PiiScanner.detect(in.anonymousId()).isEmpty(), "looks like personal data");
        if (!EventPreparer.hasAdvertisingConsent(in.consent())) {
            return false;
        }
        Instant now = clock.now();
        Instant expiresAt = now.plus(settings.get(ws).retention());
        partners.saveSync(ws, in.partner(), in.partnerUserId(), in.anonymousId(), now, expiresAt);
        partners.linkPartnerData(ws, in.partner(), in.partnerUserId(), in.anonymousId());
        return true;
    }

    public PartnerUploadResult upload(String ws, PartnerUpload upload) {
        Instant now = clock.now();
        Duration retention = settings.get(ws).retention();
        Instant latest = now.plus(retention);
        List<Note> rejected = new ArrayList<>();
        List<PartnerUpload.Record> records = upload.records();
        List<String> partnerIds = records.stream().filter(r -> r != null && "partner".equals(r.idType()))
                .map(PartnerUpload.Record::id).filter(id -> id != null).toList();
        Map<String, String> synced = partnerIds.isEmpty() ? Map.of()
                : partners.anonymousIds(ws, upload.partner(), partnerIds, now);
        List<Document> docs = new ArrayList<>(records.size());
        int linked = 0;
        for (int i = 0; i < records.size(); i++) {
            PartnerUpload.Record r = records.get(i);
            String problem = invalid(r, now);
            if (problem != null) {
                int colon = problem.indexOf(':');
                rejected.add(new Note(i, EventPreparer.REJECTED, problem.substring(0, colon), problem.substring(colon + 2)));
                continue;
            }
            Instant expires = r.expiresAt() == null ? latest : OffsetDateTime.parse(r.expiresAt()).toInstant();
            if (expires.isAfter(latest)) {
                expires = latest;
            }
            String aid = "partner".equals(r.idType()) ? synced.get(r.id()) : r.id();
            linked += aid == null ? 0 : 1;
            Document d = new Document("_id", ws + "|" + upload.partner() + "|" + r.idType() + "|" + r.id())
                    .append("ws", ws).append("partner", upload.partner()).append("idType", r.idType())
                    .append("id", r.id()).append("segments", r.segments().stream().distinct().toList())
                    .append("uploadedAt", Date.from(now)).append(DmpCollections.EXPIRES_AT, Date.from(expires));
            if (aid != null) {
                d.append("aid", aid);
            }
            docs.add(d);
        }
        partners.upsertPartnerData(docs);
        return new PartnerUploadResult(records.size(), docs.size(), linked, rejected);
    }

    private static String invalid(PartnerUpload.Record r, Instant now) {
        if (r == null) {
            return "record: must be an object";
        }
        if (r.idType() == null || !ID_TYPES.contains(r.idType())) {
            return "idType: must be cookie, device or partner";
        }
        if (r.id() == null || r.id().isBlank() || r.id().length() > 256) {
            return "id: must be 1-256 characters";
        }
        if (PiiScanner.detect(r.id()).isPresent()) {
            return "id: looks like personal data; never stored";
        }
        if (r.segments() == null || r.segments().isEmpty() || r.segments().size() > 100
                || r.segments().stream().anyMatch(s -> s == null || s.isBlank() || s.length() > 100)) {
            return "segments: must be 1-100 codes of 1-100 characters";
        }
        if (r.expiresAt() != null) {
            try {
                if (!OffsetDateTime.parse(r.expiresAt()).toInstant().isAfter(now)) {
                    return "expiresAt: must be in the future";
                }
            } catch (DateTimeParseException e) {
                return "expiresAt: must be an ISO-8601 date-time";
            }
        }
        return null;
    }

    private static void require(String field, boolean ok, String message) {
        if (!ok) {
            throw new ProblemException(400, field + ": " + message, List.of(new Problem.Violation(field, message)));
        }
    }
}
