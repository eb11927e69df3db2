package org.opencdp.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Is a TCP port free on this machine, and which free port can we use. */
public final class PortCheck {
    private PortCheck() {}

    /** A port we need, who needs it and how the user can move it. */
    public record Need(int port, String owner, String envVar, String flag) {
        /** One line for the terminal. */
        public String inUseMessage() {
            return "Port " + port + " (" + owner + ") is already in use: stop what uses it or choose another port with "
                    + envVar + "=<port>" + (flag == null ? "" : " or --" + flag + " <port>") + ".";
        }
    }

    /**
     * True when nothing listens on the port: we can bind it on every interface and nothing answers on loopback.
     */
    public static boolean isFree(int port) {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("Not a TCP port: " + port);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // a port in TIME_WAIT is free for a new server
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            return false;
        }
        return !answersOnLoopback(port);
    }

    private static boolean answersOnLoopback(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The needs whose port is taken, in the given order. */
    public static List<Need> inUse(List<Need> needs) {
        List<Need> taken = new ArrayList<>();
        for (Need need : needs) {
            if (!isFree(need.port())) {
                taken.add(need);
            }
        }
        return taken;
    }

    /** A port that was free a moment ago (the OS picks it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PlatformException("Cannot find a free TCP port: " + e.getMessage(), e);
        }
    }
}
