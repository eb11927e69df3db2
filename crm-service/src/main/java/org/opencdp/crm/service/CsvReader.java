package org.opencdp.crm.service;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields with "" escapes and line breaks, CRLF or LF, a leading BOM ignored. */
public final class CsvReader {
    private CsvReader() {}

    /** The records of the text; each record is its list of fields. Blank lines are skipped. */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                addUnlessBlank(records, record);
                record = new ArrayList<>();
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        if (fieldStarted || !record.isEmpty() || field.length() > 0) {
            record.add(field.toString());
            addUnlessBlank(records, record);
        }
        return records;
    }

    private static void addUnlessBlank(List<List<String>> records, List<String> record) {
        if (!(record.size() == 1 && record.get(0).isBlank())) {
            records.add(record);
        }
    }
}
