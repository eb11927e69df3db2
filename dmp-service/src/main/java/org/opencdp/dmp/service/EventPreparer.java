package org.opencdp.dmp.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencdp.common.time.IsoInstants;
import org.opencdp.dmp.api.CollectEvent;
import org.opencdp.dmp.api.CollectResult.Note;

/**
 * Turns one incoming event into what may be stored: consent checked, fields validated, personal data removed (or
 * the event rejected when it cannot be), IP truncated, coarse geo and device class derived. Pure apart from GeoIP.
 */
@ApplicationScoped
public class EventPreparer {
    public static final String NOT_STORED = "not-stored";
    public static final String REJECTED = "rejected";
    public static final String STRIPPED = "stripped";
    public static final String NO_CONSENT = "no advertising consent: nothing was stored";
    private static final Set<String> TYPES = Set.of("page", "track", "screen");
    private static final Set<String> YES = Set.of("true", "yes", "granted", "1", "opt-in", "optin");

    private final GeoLocator geo;

    public EventPreparer(GeoLocator geo) {
        this.geo = geo;
    }

    /** The request's own client address and user agent, used when the event does not carry them. */
    public record RequestInfo(String forwardedFor, String remoteAddress, String userAgent) {}

    /** An event fit to store. {@code time} lies within the retention window and not in the future. */
    public record Prepared(String anonymousId, String type, String event, String url, String referrer, String title,
                           List<String> keywords, Map<String, Object> properties, String device, String ip,
                           String country, String region, Instant time) {}

    /** Whether the event carries advertising consent ({"advertising":true} or Segment's categoryPreferences). */
    public static boolean hasAdvertisingConsent(Map<String, Object> consent) {
        if (consent == null) {
            return false;
        }
        Object value = consent.get("advertising");
        if (value == null && consent.get("categoryPreferences") instanceof Map<?, ?> prefs) {
            value = prefs.get("advertising");
        }
        return value != null && YES.contains(String.valueOf(value).trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** The prepared event, or empty with the reason added to {@code notes}. */
    public Optional<Prepared> prepare(int index, CollectEvent e, RequestInfo request, Instant now, Duration retention,
            List<Note> notes) {
        if (e == null) {
            return reject(index, notes, "event", "must be a JSON object");
        }
        if (!hasAdvertisingConsent(e.consent())) {
            notes.add(new Note(index, NOT_STORED, "consent", NO_CONSENT));
            return Optional.empty();
        }
        String invalid = invalid(e);
        if (invalid != null) {
            int colon = invalid.indexOf(':');
            return reject(index, notes, invalid.substring(0, colon), invalid.substring(colon + 2));
        }
        Optional<String> idReason = PiiScanner.detect(e.anonymousId());
        if (idReason.isPresent() || PiiScanner.containsEmail(e.anonymousId())) {
            return reject(index, notes, "anonymousId", idReason.orElse(PiiScanner.EMAIL) + "; never stored");
        }
        if (e.event() != null && PiiScanner.detect(e.event()).isPresent()) {
            return reject(index, notes, "event", PiiScanner.detect(e.event()).get() + "; never stored");
        }
        List<PiiScanner.Finding> findings = new ArrayList<>();
        String url = null;
        if (e.url() != null) {
            Optional<String> cleaned = PiiScanner.cleanUrl(e.url(), "url", findings);
            if (cleaned.isEmpty()) {
                PiiScanner.Finding f = findings.get(findings.size() - 1);
                return reject(index, notes, f.field(), f.reason() + " in the URL path; never stored");
            }
            url = cleaned.get();
        }
        String referrer = null;
        if (e.referrer() != null) {
            List<PiiScanner.Finding> refFindings = new ArrayList<>();
            Optional<String> cleaned = PiiScanner.cleanUrl(e.referrer(), "referrer", refFindings);
            if (cleaned.isEmpty()) {
                findings.add(new PiiScanner.Finding("referrer", refFindings.get(refFindings.size() - 1).reason()));
            } else {
                findings.addAll(refFindings);
                referrer = cleaned.get();
            }
        }
        String title = e.title();
        if (title != null && (PiiScanner.detect(title).isPresent() || PiiScanner.containsEmail(title))) {
            findings.add(new PiiScanner.Finding("title", PiiScanner.detect(title).orElse(PiiScanner.EMAIL)));
            title = null;
        }
        List<String> keywords = new ArrayList<>();
        if (e.keywords() != null) {
            for (int i = 0; i < e.keywords().size(); i++) {
                String k = e.keywords().get(i);
                Optional<String> reason = k == null ? Optional.empty() : PiiScanner.detect(k);
                if (reason.isPresent()) {
                    findings.add(new PiiScanner.Finding("keywords[" + i + "]", reason.get()));
                } else if (k != null && !k.isBlank()) {
                    keywords.add(k);
                }
            }
        }
        Map<String, Object> properties = e.properties() == null ? Map.of()
                : PiiScanner.cleanProperties(e.properties(), "properties", findings);
        findings.forEach(f -> notes.add(new Note(index, STRIPPED, f.field(), f.reason() + "; removed")));

        String rawIp = e.ip() != null ? e.ip() : request.forwardedFor() != null
                ? IpAddresses.firstForwarded(request.forwardedFor()) : request.remoteAddress();
        Optional<InetAddress> address = IpAddresses.parse(rawIp);
        Optional<GeoLocator.Geo> location = address.flatMap(geo::locate);
        String ua = e.userAgent() != null ? e.userAgent() : request.userAgent();
        String type = e.type() != null ? e.type() : (e.url() != null ? "page" : "track");
        return Optional.of(new Prepared(e.anonymousId(), type, e.event(), url, referrer, title, keywords, properties,
                DeviceClassifier.classify(ua), address.map(IpAddresses::truncate).orElse(null),
                location.map(GeoLocator.Geo::country).orElse(null), location.map(GeoLocator.Geo::region).orElse(null),
                time(e.timestamp(), now, retention)));
    }

    private static String invalid(CollectEvent e) {
        if (e.anonymousId() == null || e.anonymousId().isBlank()) {
            return "anonymousId: is required";
        }
        if (e.anonymousId().length() > 128 || !e.anonymousId().strip().equals(e.anonymousId())) {
            return "anonymousId: must be 1-128 characters without surrounding spaces";
        }
        if (e.type() != null && !TYPES.contains(e.type())) {
            return "type: must be page, track or screen";
        }
        if (e.url() != null && (e.url().length() > 2048 || !(e.url().startsWith("http://") || e.url().startsWith("https://")))) {
            return "url: must be an http(s) URL of at most 2048 characters";
        }
        if (e.referrer() != null && e.referrer().length() > 2048) {
            return "referrer: must be at most 2048 characters";
        }
        if (e.event() != null && e.event().length() > 200) {
            return "event: must be at most 200 characters";
        }
        if (e.title() != null && e.title().length() > 500) {
            return "title: must be at most 500 characters";
        }
        if (e.keywords() != null && e.keywords().size() > 50) {
            return "keywords: at most 50";
        }
        if (e.timestamp() != null) {
            try {
                IsoInstants.parse(e.timestamp());
            } catch (DateTimeParseException ex) {
                return "timestamp: must be an ISO-8601 date-time such as 2026-11-29T05:00:00Z";
            }
        }
        return null;
    }

    private static Instant time(String timestamp, Instant now, Duration retention) {
        if (timestamp == null) {
            return now;
        }
        Instant t = IsoInstants.parse(timestamp);
        Instant oldest = now.minus(retention).plusSeconds(1);
        return t.isAfter(now) ? now : t.isBefore(oldest) ? oldest : t;
    }

    private static Optional<Prepared> reject(int index, List<Note> notes, String field, String reason) {
        notes.add(new Note(index, REJECTED, field, reason));
        return Optional.empty();
    }
}
