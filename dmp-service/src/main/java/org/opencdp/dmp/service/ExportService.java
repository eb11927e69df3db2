package org.opencdp.dmp.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.dmp.Audience;
import org.opencdp.dmp.repository.PartnerRepository;
import org.opencdp.dmp.repository.VisitorRepository;

/**
 * Exports an audience to a DSP: OpenRTB 2.6 {@code user} objects with one {@code user.data} segment, or a CSV id
 * list; with {@code partner}, only members synced with that partner, under the partner's user ids (buyeruid and
 * {@code user.eids}). Refused below the workspace's minimum export size, so that no export singles out a person.
 */
@ApplicationScoped
public class ExportService {
    public static final String DATA_PROVIDER_ID = "opencdp-dmp";
    private static final int PAGE = 1000;
    private final AudienceService audiences;
    private final SettingsService settings;
    private final VisitorRepository visitors;
    private final PartnerRepository partners;
    private final ObjectMapper mapper;
    private final DmpClock clock;

    public ExportService(AudienceService audiences, SettingsService settings, VisitorRepository visitors,
            PartnerRepository partners, ObjectMapper mapper, DmpClock clock) {
        this.audiences = audiences;
        this.settings = settings;
        this.visitors = visitors;
        this.partners = partners;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A checked export, ready to write. */
    public record Export(Audience audience, String format, String partner, long size, Instant asOf) {}

    /** Checks the audience, format and size floor; empty when the audience is unknown in this workspace. */
    public Optional<Export> prepare(String ws, String audienceId, String format, String partner) {
        if (!"openrtb".equals(format) && !"csv".equals(format)) {
            throw ProblemException.badRequest("format", "must be openrtb or csv");
        }
        Optional<Audience> audience = audiences.get(ws, audienceId);
        if (audience.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.now();
        long size = partner == null ? visitors.count(VisitorRepository.inAudience(ws, audienceId, now))
                : countSynced(ws, audienceId, partner, now);
        int min = settings.get(ws).minExportSize();
        if (size < min) {
            throw new ProblemException(422, "The audience has " + size + (partner == null ? "" : " members synced with "
                    + partner + ",") + " fewer than the minimum export size " + min
                    + " (settings minExportSize): an export this small could single out a person");
        }
        return Optional.of(new Export(audience.get(), format, partner, size, now));
    }

    public void write(String ws, Export export, OutputStream out) throws IOException {
        if ("csv".equals(export.format())) {
            writeCsv(ws, export, out);
        } else {
            writeOpenRtb(ws, export, out);
        }
    }

    private void writeCsv(String ws, Export e, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("id,id_type,segment_id,segment_name\n");
        String type = e.partner() == null ? "anonymous_id" : "partner_user_id";
        String tail = "," + type + "," + csv(e.audience().id()) + "," + csv(e.audience().name()) + "\n";
        forEachPage(ws, e, page -> {
            for (Map.Entry<String, String> m : page.entrySet()) {
                w.write(csv(m.getValue()) + tail);
            }
        });
        w.flush();
    }

    private void writeOpenRtb(String ws, Export e, OutputStream out) throws IOException {
        JsonGenerator g = mapper.getFactory().createGenerator(out);
        g.writeStartObject();
        g.writeObjectFieldStart("audience");
        g.writeStringField("id", e.audience().id());
        g.writeStringField("name", e.audience().name());
        g.writeEndObject();
        g.writeNumberField("size", e.size());
        g.writeStringField("asOf", e.asOf().toString());
        g.writeArrayFieldStart("users");
        forEachPage(ws, e, page -> {
            for (Map.Entry<String, String> m : page.entrySet()) {
                g.writeStartObject();
                if (e.partner() == null) {
                    g.writeStringField("id", m.getValue());
                } else {
                    g.writeStringField("buyeruid", m.getValue());
                    g.writeArrayFieldStart("eids");
                    g.writeStartObject();
                    g.writeStringField("source", e.partner());
                    g.writeArrayFieldStart("uids");
                    g.writeStartObject();
                    g.writeStringField("id", m.getValue());
                    g.writeNumberField("atype", 1);
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeEndObject();
                    g.writeEndArray();
                }
                g.writeArrayFieldStart("data");
                g.writeStartObject();
                g.writeStringField("id", DATA_PROVIDER_ID);
                g.writeStringField("name", "OpenCDP DMP");
                g.writeArrayFieldStart("segment");
                g.writeStartObject();
                g.writeStringField("id", e.audience().id());
                g.writeStringField("name", e.audience().name());
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
        });
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
    }

    private interface PageConsumer {
        void accept(Map<String, String> idsByAnonymousId) throws IOException;
    }

    /** Walks the members a page at a time: anonymous id -> exported id (itself, or the partner's user id). */
    private void forEachPage(String ws, Export e, PageConsumer consumer) throws IOException {
        String after = null;
        while (true) {
            List<String> ids = visitors.anonymousIds(ws, VisitorRepository.inAudience(ws, e.audience().id(), e.asOf()),
                    after, PAGE);
            if (ids.isEmpty()) {
                return;
            }
            Map<String, String> page = new java.util.LinkedHashMap<>();
            if (e.partner() == null) {
                ids.forEach(id -> page.put(id, id));
            } else {
                Map<String, String> synced = partners.partnerIds(ws, e.partner(), ids, e.asOf());
                ids.stream().filter(synced::containsKey).forEach(id -> page.put(id, synced.get(id)));
            }
            consumer.accept(page);
            after = ids.get(ids.size() - 1);
        }
    }

    private long countSynced(String ws, String audienceId, String partner, Instant now) {
        long[] n = {0};
        try {
            forEachPage(ws, new Export(new Audience(audienceId, ws, "", List.of(), 1, java.time.Duration.ZERO, 0, now),
                    "csv", partner, 0, now), page -> n[0] += page.size());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return n[0];
    }

    static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
