package org.opencdp.crm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencdp.crm.api.DealView;
import org.opencdp.crm.api.Forecast;
import org.opencdp.crm.repository.ForecastQueries;

/** The sales forecast: open, weighted, won and lost amounts per group and currency, win rate, reasons report. */
@ApplicationScoped
public class ForecastService {
    private final ForecastQueries queries;

    public ForecastService(ForecastQueries queries) {
        this.queries = queries;
    }

    @Transactional
    public Forecast forecast(String workspaceId, LocalDate from, LocalDate to, String groupBy) {
        Map<String, Acc> groups = new LinkedHashMap<>();
        Map<String, Acc> totals = new LinkedHashMap<>();
        for (ForecastQueries.Row r : queries.aggregate(workspaceId, groupBy, from, to)) {
            groups.computeIfAbsent(r.key() + "|" + r.currency(), k -> new Acc(r.key(), r.label(), r.currency())).add(r);
            totals.computeIfAbsent(r.currency(), k -> new Acc(null, null, r.currency())).add(r);
        }
        List<ForecastQueries.ReasonRow> reasonRows = queries.reasons(workspaceId, from, to);
        Map<String, Long> perOutcome = new LinkedHashMap<>();
        reasonRows.forEach(r -> perOutcome.merge(r.outcome(), r.count(), Long::sum));
        List<Forecast.ReasonLine> reasons = new ArrayList<>();
        for (ForecastQueries.ReasonRow r : reasonRows) {
            double share = Math.round(10_000.0 * r.count() / perOutcome.get(r.outcome())) / 10_000.0;
            reasons.add(new Forecast.ReasonLine(r.outcome(), r.reasonId(), r.reason() == null ? "none" : r.reason(),
                    r.currency(), r.count(), DealView.money(r.amount(), r.currency()), share));
        }
        return new Forecast(from, to, groupBy, groups.values().stream().map(Acc::line).toList(),
                totals.values().stream().map(Acc::line).toList(), reasons);
    }

    /** Sums of one group and currency. */
    private static final class Acc {
        final String key;
        final String label;
        final String currency;
        long openCount;
        long wonCount;
        long lostCount;
        BigDecimal open = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal won = BigDecimal.ZERO;
        BigDecimal lost = BigDecimal.ZERO;

        Acc(String key, String label, String currency) {
            this.key = key;
            this.label = label;
            this.currency = currency;
        }

        void add(ForecastQueries.Row r) {
            switch (r.status()) {
                case "open" -> {
                    openCount += r.count();
                    open = open.add(r.amount());
                    weighted = weighted.add(r.weighted());
                }
                case "won" -> {
                    wonCount += r.count();
                    won = won.add(r.amount());
                }
                default -> {
                    lostCount += r.count();
                    lost = lost.add(r.amount());
                }
            }
        }

        Forecast.Line line() {
            int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
            Double winRate = wonCount + lostCount == 0 ? null
                    : Math.round(10_000.0 * wonCount / (wonCount + lostCount)) / 10_000.0;
            return new Forecast.Line(key, label, currency, openCount, DealView.money(open, currency),
                    weighted.setScale(digits, RoundingMode.HALF_EVEN), wonCount, DealView.money(won, currency),
                    lostCount, DealView.money(lost, currency), winRate);
        }
    }
}
