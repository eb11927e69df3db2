package org.opencdp.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command-line arguments: positionals, {@code --name value}, {@code --name=value} and boolean switches. Unknown
 * options are an error naming the ones that exist.
 */
public final class Args {
    private final List<String> positionals;
    private final Map<String, String> options;

    private Args(List<String> positionals, Map<String, String> options) {
        this.positionals = positionals;
        this.options = options;
    }

    /**
     * @param valued   options that take a value (without the leading dashes)
     * @param switches boolean options (without the leading dashes); {@code -d} style aliases are given as "d"
     */
    public static Args parse(List<String> args, Set<String> valued, Set<String> switches) {
        List<String> positionals = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positionals.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
                continue;
            }
            String body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
            String name = body;
            String value = null;
            int eq = body.indexOf('=');
            if (eq >= 0) {
                name = body.substring(0, eq);
                value = body.substring(eq + 1);
            }
            if (switches.contains(name)) {
                options.put(name, value == null ? "true" : value);
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("Option --" + name + " needs a value.");
                    }
                    value = args.get(++i);
                }
                options.put(name, value);
            } else {
                Set<String> known = new TreeSet<>(valued);
                known.addAll(switches);
                throw new UsageException("Unknown option " + arg + "."
                        + (known.isEmpty() ? "" : " Options: --" + String.join(", --", known) + "."));
            }
        }
        return new Args(positionals, options);
    }

    public List<String> positionals() {
        return List.copyOf(positionals);
    }

    public Optional<String> positional(int index) {
        return index < positionals.size() ? Optional.of(positionals.get(index)) : Optional.empty();
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public boolean flag(String name) {
        String value = options.get(name);
        return value != null && !value.equalsIgnoreCase("false") && !value.equals("0");
    }

    /** The option, else the env var, else the default; must be a positive integer. */
    public int positiveInt(String name, Map<String, String> env, String envVar, int defaultValue) {
        String value = options.get(name);
        String source = "--" + name;
        if (value == null && envVar != null) {
            value = env.get(envVar);
            source = envVar;
        }
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException(source + "=" + value + " is not a positive whole number.");
    }

    /** A wrong command line: the message says what to type instead. */
    public static final class UsageException extends PlatformException {
        public UsageException(String message) {
            super(message);
        }
    }
}
