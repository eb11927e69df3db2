package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The MongoDB wire-protocol server: mongo-java-server's own handlers on a Netty server, as its {@code MongoServer}
 * sets them up, with two differences: messages are decoded by {@link SentBytesDecoder}, so that the documents of
 * inserts and replacements are stored as the client sent them, and replies are encoded by {@link StoredBytesEncoder},
 * which writes the answers of {@link ByIdFind} as the stored bytes. ({@code MongoServer} builds its channel pipeline
 * internally, with no way to change a handler before a connection's first message.)
 */
public final class WireServer implements AutoCloseable {
    private final MongoBackend backend;
    private final EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("mongo-server-boss"));
    private final EventLoopGroup workers = new NioEventLoopGroup(0, new DefaultThreadFactory("mongo-server-worker"));
    private final ChannelGroup clients = new DefaultChannelGroup("mongodb-channels", workers.next());
    private final Channel listening;

    private WireServer(MongoBackend backend, String host, int port) {
        this.backend = backend;
        try {
            listening = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 100).childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new MongoWireReplyEncoder(), new StoredBytesEncoder(),
                                    new SentBytesDecoder(), new MongoDatabaseHandler(backend, clients),
                                    new MongoExceptionHandler());
                        }
                    }).bind(host, port).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            stopThreads();
            backend.close();
            throw e;
        }
    }

    /** Serves the backend on the host and port (0: a free port); fails (closing the backend) when the port is taken. */
    public static WireServer start(MongoBackend backend, String host, int port) {
        return new WireServer(backend, host, port);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listening.localAddress();
    }

    /** Stops listening, closes the clients' connections, then the backend (which saves a file store). */
    @Override
    public void close() {
        listening.close().syncUninterruptibly();
        clients.close().syncUninterruptibly();
        stopThreads();
        backend.close();
    }

    private void stopThreads() {
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
