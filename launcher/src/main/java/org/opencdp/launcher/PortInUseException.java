package org.opencdp.launcher;

import java.util.List;
import java.util.stream.Collectors;

/** One or more ports the platform needs are taken; the message has one line per port. */
public final class PortInUseException extends PlatformException {
    private final List<PortCheck.Need> taken;

    public PortInUseException(List<PortCheck.Need> taken) {
        super(taken.stream().map(PortCheck.Need::inUseMessage).collect(Collectors.joining(System.lineSeparator())));
        this.taken = List.copyOf(taken);
    }

    public List<PortCheck.Need> taken() {
        return taken;
    }
}
