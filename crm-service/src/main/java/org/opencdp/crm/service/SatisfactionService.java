package org.opencdp.crm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.crm.SatisfactionResponse;
import org.opencdp.crm.api.SatisfactionInput;
import org.opencdp.crm.api.SatisfactionReport;
import org.opencdp.crm.api.SatisfactionView;
import org.opencdp.crm.repository.ContactRepository;
import org.opencdp.crm.repository.SatisfactionRepository;

/** CSAT and NPS answers of contacts, and their report per period. */
@ApplicationScoped
public class SatisfactionService {
    private static final Map<String, String> FORMATS = Map.of("day", "YYYY-MM-DD", "week", "IYYY-\"W\"IW",
            "month", "YYYY-MM");
    private final SatisfactionRepository responses;
    private final ContactRepository contacts;
    private final EntityManager em;

    public SatisfactionService(SatisfactionRepository responses, ContactRepository contacts, EntityManager em) {
        this.responses = responses;
        this.contacts = contacts;
        this.em = em;
    }

    @Transactional
    public SatisfactionView record(String workspaceId, UUID contactId, SatisfactionInput in) {
        if (contacts.findInWorkspace(workspaceId, contactId).isEmpty()) {
            throw ProblemException.notFound("Contact " + contactId);
        }
        int max = in.kind().equals("csat") ? 5 : 10;
        int min = in.kind().equals("csat") ? 1 : 0;
        if (in.score() < min || in.score() > max) {
            throw ProblemException.badRequest("score", "a " + in.kind() + " score is from " + min + " to " + max);
        }
        SatisfactionResponse r = new SatisfactionResponse();
        r.id = UUID.randomUUID();
        r.workspaceId = workspaceId;
        r.contactId = contactId;
        r.kind = in.kind();
        r.score = in.score();
        r.comment = in.comment();
        r.createdAt = Now.instant();
        r.respondedAt = in.respondedAt() == null ? r.createdAt : in.respondedAt();
        responses.persist(r);
        return SatisfactionView.of(r);
    }

    @Transactional
    public SatisfactionReport report(String workspaceId, Instant from, Instant to, String period) {
        String format = FORMATS.get(period);
        StringBuilder sql = new StringBuilder("select to_char(responded_at at time zone 'UTC', '").append(format)
                .append("'), kind, count(*), avg(score), count(*) filter (where score >= 9),"
                        + " count(*) filter (where score between 7 and 8), count(*) filter (where score <= 6)"
                        + " from satisfaction_response where workspace_id = :ws");
        if (from != null) {
            sql.append(" and responded_at >= :from");
        }
        if (to != null) {
            sql.append(" and responded_at < :to");
        }
        sql.append(" group by 1, 2 order by 1, 2");
        Query q = em.createNativeQuery(sql.toString()).setParameter("ws", workspaceId);
        if (from != null) {
            q.setParameter("from", from);
        }
        if (to != null) {
            q.setParameter("to", to);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        Map<String, Acc> periods = new LinkedHashMap<>();
        Acc total = new Acc();
        for (Object[] r : rows) {
            Acc acc = periods.computeIfAbsent((String) r[0], k -> new Acc());
            long count = ((Number) r[2]).longValue();
            double sum = ((Number) r[3]).doubleValue() * count;
            long[] nps = {((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue()};
            acc.add((String) r[1], count, sum, nps);
            total.add((String) r[1], count, sum, nps);
        }
        List<SatisfactionReport.Period> lines = new ArrayList<>();
        periods.forEach((key, acc) -> lines.add(acc.line(key)));
        return new SatisfactionReport(period, lines, total.line(null));
    }

    private static final class Acc {
        long csatCount;
        double csatSum;
        long promoters;
        long passives;
        long detractors;

        void add(String kind, long count, double sum, long[] nps) {
            if (kind.equals("csat")) {
                csatCount += count;
                csatSum += sum;
            } else {
                promoters += nps[0];
                passives += nps[1];
                detractors += nps[2];
            }
        }

        SatisfactionReport.Period line(String period) {
            long npsCount = promoters + passives + detractors;
            Double csat = csatCount == 0 ? null : Math.round(100.0 * csatSum / csatCount) / 100.0;
            Double nps = npsCount == 0 ? null
                    : Math.round(1000.0 * (promoters - detractors) / npsCount) / 10.0;
            return new SatisfactionReport.Period(period, csatCount, csat, npsCount, promoters, passives, detractors,
                    nps);
        }
    }
}
