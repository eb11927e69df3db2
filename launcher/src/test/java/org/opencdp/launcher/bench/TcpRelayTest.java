package org.opencdp.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TcpRelayTest {
    private static final int SIZE = 3 * 1024 * 1024; // more than the socket buffers: back-pressure on the way

    /** An echo server behind the relay: what goes in comes back whole and in order, and its close crosses it. */
    @Test
    void relaysBytesBothWaysAndClosesThePeer() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = echo.accept()) {
                    byte[] all = new DataInputStream(s.getInputStream()).readNBytes(SIZE);
                    s.getOutputStream().write(all);
                } catch (IOException e) {
                    // the test fails on the client side
                }
            });
            server.start();
            try (TcpRelay relay = TcpRelay.start("127.0.0.1", echo.getLocalPort(), 1);
                 Socket client = new Socket("127.0.0.1", relay.port())) {
                client.setSoTimeout(10_000); // a close that does not cross the relay fails the test
                byte[] sent = new byte[SIZE];
                new Random(7).nextBytes(sent);
                Thread writer = new Thread(() -> {
                    try {
                        OutputStream out = client.getOutputStream();
                        out.write(sent);
                        out.flush();
                    } catch (IOException e) {
                        // the read below then falls short
                    }
                });
                writer.start();
                byte[] received = new byte[sent.length];
                InputStream in = client.getInputStream();
                new DataInputStream(in).readFully(received);
                assertArrayEquals(sent, received);
                assertEquals(-1, in.read(), "the echo server's close reaches the client");
                writer.join();
            }
            server.join(5_000);
        }
    }
}
