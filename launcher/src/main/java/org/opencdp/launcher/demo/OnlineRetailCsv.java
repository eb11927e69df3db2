package org.opencdp.launcher.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the UCI Online Retail CSV ({@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,
 * Country}; RFC 4180 quoting; InvoiceDate {@code yyyy-MM-dd HH:mm:ss} in UTC). Lines without a customer, cancellations
 * (InvoiceNo starting with C) and lines without a positive quantity and price are skipped: they are no purchase of a
 * known person.
 */
public final class OnlineRetailCsv {
    static final List<String> HEADER = List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
            "UnitPrice", "CustomerID", "Country");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OnlineRetailCsv() {}

    /** The purchase lines of the file, in file order. Throws IllegalArgumentException naming the line when malformed. */
    public static List<OrderLine> read(Reader source) throws IOException {
        BufferedReader reader = new BufferedReader(source);
        String header = reader.readLine();
        if (header == null || !splitLine(header.replace("\uFEFF", "")).equals(HEADER)) {
            throw new IllegalArgumentException("not an Online Retail CSV: the header must be " + String.join(",", HEADER));
        }
        List<OrderLine> lines = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = splitLine(line);
            if (f.size() != HEADER.size()) {
                throw new IllegalArgumentException("line " + number + ": " + f.size() + " fields, expected " + HEADER.size());
            }
            try {
                OrderLine parsed = parse(f);
                if (parsed != null) {
                    lines.add(parsed);
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
            }
        }
        return lines;
    }

    private static OrderLine parse(List<String> f) {
        String invoice = f.get(0).trim();
        String customer = customerId(f.get(6));
        if (customer == null || invoice.isEmpty() || invoice.toUpperCase().startsWith("C")) {
            return null;
        }
        int quantity = new BigDecimal(f.get(3).trim()).intValueExact();
        BigDecimal price = new BigDecimal(f.get(5).trim());
        if (quantity <= 0 || price.signum() <= 0) {
            return null;
        }
        return new OrderLine(invoice, f.get(1).trim(), f.get(2).trim(), quantity,
                LocalDateTime.parse(f.get(4).trim(), DATE).toInstant(ZoneOffset.UTC), price, customer, f.get(7).trim());
    }

    /** "17850" or "17850.0" -> "17850"; empty or NA -> null. */
    static String customerId(String raw) {
        String id = raw.trim();
        if (id.isEmpty() || id.equalsIgnoreCase("NA")) {
            return null;
        }
        return id.endsWith(".0") ? id.substring(0, id.length() - 2) : id;
    }

    /** Splits one CSV line: commas separate, double quotes enclose a field, a doubled quote inside is one quote. */
    static List<String> splitLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
