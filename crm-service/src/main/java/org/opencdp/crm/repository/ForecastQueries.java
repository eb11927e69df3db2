package org.opencdp.crm.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The aggregate queries of the forecast; each is one indexed scan of the workspace's deals. */
@ApplicationScoped
public class ForecastQueries {
    private final EntityManager em;

    public ForecastQueries(EntityManager em) {
        this.em = em;
    }

    /** One row of an aggregate: group key and label, currency, count, amount, weighted amount. */
    public record Row(String key, String label, String currency, String status, long count, BigDecimal amount,
                      BigDecimal weighted) {}

    public record ReasonRow(String outcome, UUID reasonId, String reason, String currency, long count,
                            BigDecimal amount) {}

    /**
     * Open deals by expected close date, and won/lost deals by close date, grouped. The deals are first aggregated
     * on plain columns (stage, pipeline, owner or month, currency, status), which is one cheap hash aggregate over the
     * workspace's deals; the few resulting groups are then joined to their stage for the probability and labels.
     */
    public List<Row> aggregate(String workspaceId, String groupBy, LocalDate from, LocalDate to) {
        String inner = switch (groupBy) {
            case "owner" -> "d.owner";
            case "stage", "pipeline" -> "null::text";
            // on timestamps without time zone: several times cheaper per row than on dates or with a zone
            default -> "date_trunc('month', case when d.status = 'open' then cast(d.expected_close_date as timestamp)"
                    + " else d.closed_at at time zone 'UTC' end)";
        };
        String key = switch (groupBy) {
            case "owner" -> "coalesce(a.g, 'none')";
            case "stage" -> "cast(s.id as text)";
            case "pipeline" -> "cast(p.id as text)";
            default -> "coalesce(to_char(a.g, 'YYYY-MM'), 'none')";
        };
        String label = switch (groupBy) {
            case "stage" -> "p.name || ' / ' || s.name";
            case "pipeline" -> "p.name";
            default -> key;
        };
        String order = switch (groupBy) {
            case "stage" -> "min(p.name), min(s.position)";
            case "pipeline" -> "min(p.name)";
            default -> "1";
        };
        StringBuilder sql = new StringBuilder("with a as (select d.stage_id, d.pipeline_id, ").append(inner)
                .append(" as g, d.currency, d.status, count(*) as n, sum(d.amount) as amount from deal d")
                .append(" where d.workspace_id = :ws and ((d.status = 'open'");
        bounds(sql, "d.expected_close_date", from, to);
        sql.append(") or (d.status in ('won', 'lost')");
        bounds(sql, "d.closed_at", from, to);
        sql.append(")) group by 1, 2, 3, 4, 5) select ").append(key).append(", ").append(label)
                .append(", a.currency, a.status, sum(a.n), sum(a.amount), sum(a.amount * s.probability / 100.0)")
                .append(" from a join pipeline_stage s on s.id = a.stage_id join pipeline p on p.id = a.pipeline_id")
                .append(" group by 1, 2, 3, 4 order by ").append(order).append(", 1, 3, 4");
        Query q = em.createNativeQuery(sql.toString());
        params(q, workspaceId, from, to);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Row((String) r[0], (String) r[1], ((String) r[2]).trim(), (String) r[3],
                ((Number) r[4]).longValue(), (BigDecimal) r[5], (BigDecimal) r[6])).toList();
    }

    /** Won and lost deals closed in the period by reason. */
    public List<ReasonRow> reasons(String workspaceId, LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder("with a as (select d.status, d.close_reason_id, d.currency,"
                + " count(*) as n, sum(d.amount) as amount from deal d"
                + " where d.workspace_id = :ws and d.status in ('won', 'lost')");
        bounds(sql, "d.closed_at", from, to);
        sql.append(" group by 1, 2, 3) select a.status, r.id, r.label, a.currency, a.n, a.amount from a"
                + " left join deal_reason r on r.id = a.close_reason_id order by 1 desc, 5 desc, 3, 4");
        Query q = em.createNativeQuery(sql.toString());
        params(q, workspaceId, from, to);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new ReasonRow((String) r[0], (UUID) r[1], (String) r[2],
                ((String) r[3]).trim(), ((Number) r[4]).longValue(), (BigDecimal) r[5])).toList();
    }

    private static void bounds(StringBuilder sql, String column, LocalDate from, LocalDate to) {
        String suffix = column.endsWith("closed_at") ? "Ts" : "Date";
        if (from != null) {
            sql.append(" and ").append(column).append(" >= :from").append(suffix);
        }
        if (to != null) {
            sql.append(" and ").append(column).append(" < :to").append(suffix);
        }
    }

    private static void params(Query q, String workspaceId, LocalDate from, LocalDate to) {
        q.setParameter("ws", workspaceId);
        boolean dates = q.getParameters().stream().anyMatch(p -> "fromDate".equals(p.getName())
                || "toDate".equals(p.getName()));
        if (from != null) {
            if (dates) {
                q.setParameter("fromDate", from);
            }
            q.setParameter("fromTs", from.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (to != null) {
            if (dates) {
                q.setParameter("toDate", to.plusDays(1));
            }
            q.setParameter("toTs", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }
}
