package org.opencdp.launcher.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns order lines into tracking messages (Segment spec): per customer one {@code identify} (userId = CustomerID,
 * traits.country) and one {@code track "Order Completed"} per invoice (Segment e-commerce spec: order_id, total,
 * revenue, currency GBP, products with product_id/sku/name/price/quantity; timestamp = invoice date). The message ids
 * are derived from the data ({@code demo-identify-<customer>}, {@code demo-order-<invoice>}), so loading the demo twice
 * is de-duplicated by messageId instead of doubling every order.
 */
public final class DemoEvents {
    public static final String ORDER_COMPLETED = "Order Completed";
    public static final String CURRENCY = "GBP";
    private static final Map<String, Object> CONTEXT = Map.of("library", Map.of("name", "opencdp-demo", "version", "1"));

    private DemoEvents() {}

    /** One invoice of a customer. */
    public record Order(String invoiceNo, String customerId, Instant date, List<OrderLine> lines) {
        /** Σ price × quantity, to the penny. */
        public BigDecimal revenue() {
            return lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        }
    }

    /** A customer with their orders, oldest first. */
    public record Customer(String customerId, String country, List<Order> orders) {
        public BigDecimal revenue() {
            return orders.stream().map(Order::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public Instant firstOrder() {
            return orders.get(0).date();
        }
    }

    /** Groups lines by customer (in order of first appearance) and by invoice (oldest first). */
    public static List<Customer> customers(List<OrderLine> lines) {
        Map<String, Map<String, List<OrderLine>>> byCustomer = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            byCustomer.computeIfAbsent(line.customerId(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(line.invoiceNo(), i -> new ArrayList<>()).add(line);
        }
        List<Customer> customers = new ArrayList<>();
        byCustomer.forEach((id, invoices) -> {
            List<Order> orders = new ArrayList<>();
            invoices.forEach((invoice, items) -> orders.add(new Order(invoice, id, items.get(0).invoiceDate(),
                    List.copyOf(items))));
            orders.sort(Comparator.comparing(Order::date).thenComparing(Order::invoiceNo));
            customers.add(new Customer(id, country(invoices.values()), List.copyOf(orders)));
        });
        return customers;
    }

    /** The most frequent country of a customer's lines (the first seen on a tie). */
    private static String country(Iterable<List<OrderLine>> invoices) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<OrderLine> items : invoices) {
            items.forEach(l -> counts.merge(l.country(), 1, Integer::sum));
        }
        // Stream.max keeps the first of equal elements
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** identify, then one Order Completed per order, for each customer in turn. */
    public static List<Map<String, Object>> messages(List<Customer> customers) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Customer c : customers) {
            messages.add(identify(c));
            c.orders().forEach(o -> messages.add(orderCompleted(o)));
        }
        return messages;
    }

    public static Map<String, Object> identify(Customer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "identify");
        m.put("messageId", "demo-identify-" + c.customerId());
        m.put("userId", c.customerId());
        m.put("timestamp", c.firstOrder().toString());
        Map<String, Object> traits = new LinkedHashMap<>();
        if (c.country() != null && !c.country().isBlank()) {
            traits.put("country", c.country());
        }
        m.put("traits", traits);
        m.put("context", CONTEXT);
        return m;
    }

    public static Map<String, Object> orderCompleted(Order o) {
        List<Map<String, Object>> products = new ArrayList<>();
        for (OrderLine l : o.lines()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("product_id", l.stockCode());
            p.put("sku", l.stockCode());
            p.put("name", l.description());
            p.put("price", l.unitPrice());
            p.put("quantity", l.quantity());
            products.add(p);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("order_id", o.invoiceNo());
        properties.put("total", o.revenue());
        properties.put("revenue", o.revenue());
        properties.put("currency", CURRENCY);
        properties.put("products", products);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "track");
        m.put("messageId", "demo-order-" + o.invoiceNo());
        m.put("userId", o.customerId());
        m.put("event", ORDER_COMPLETED);
        m.put("timestamp", o.date().toString());
        m.put("properties", properties);
        m.put("context", CONTEXT);
        return m;
    }
}
