package org.opencdp.launcher.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The cheapest proxy there can be, as a yardstick for the gateway: a TCP relay on Netty (epoll on Linux, like the
 * gateway) that copies bytes between each client connection and a connection of its own to the target, without
 * reading them as HTTP. Its cost is the second hop's system calls and copies, which any HTTP gateway pays too, before
 * any work of its own (parsing, authentication, headers, limits).
 */
final class TcpRelay implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel server;

    private TcpRelay(EventLoopGroup group, Channel server) {
        this.group = group;
        this.server = server;
    }

    /** Listens on an ephemeral port of 127.0.0.1 and relays every connection to {@code host:port}. */
    static TcpRelay start(String host, int port, int threads) {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = epoll ? new EpollEventLoopGroup(threads) : new NioEventLoopGroup(threads);
        Class<? extends ServerChannel> serverType = epoll ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        Class<? extends Channel> clientType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        try {
            Channel server = new ServerBootstrap().group(group).channel(serverType)
                    .childOption(ChannelOption.AUTO_READ, false)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel client) {
                            client.pipeline().addLast(new Connector(clientType, host, port));
                        }
                    })
                    .bind("127.0.0.1", 0).syncUninterruptibly().channel();
            return new TcpRelay(group, server);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Opens the client's connection to the target (on the client's event loop), then starts relaying. */
    private static final class Connector extends ChannelInboundHandlerAdapter {
        private final Class<? extends Channel> type;
        private final String host;
        private final int port;

        Connector(Class<? extends Channel> type, String host, int port) {
            this.type = type;
            this.host = host;
            this.port = port;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel client = ctx.channel();
            ChannelFuture connect = new Bootstrap().group(client.eventLoop()).channel(type)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new Pipe(client))
                    .connect(host, port);
            connect.addListener(done -> {
                if (!done.isSuccess()) {
                    client.close();
                    return;
                }
                client.pipeline().replace(this, "pipe", new Pipe(connect.channel()));
                client.config().setAutoRead(true);
            });
        }
    }

    /**
     * Writes what its channel reads to the peer; stops reading while the peer's writes queue up; closes the peer when
     * its channel closes (no half-closed connections: HTTP keep-alive does not need them).
     */
    private static final class Pipe extends ChannelInboundHandlerAdapter {
        private final Channel peer;

        Pipe(Channel peer) {
            this.peer = peer;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            peer.writeAndFlush(msg, peer.voidPromise());
        }

        /** The peer's reads are written to this channel: read them only while it takes more. */
        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            peer.config().setAutoRead(ctx.channel().isWritable());
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            peer.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
