package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/**
 * mongo-java-server's message decoder, with OP_MSG messages decoded by {@link OpMessages}, and which also keeps the
 * bytes of the documents that a write message carries ({@link SentDocuments}).
 */
final class SentBytesDecoder extends MongoWireProtocolHandler {
    @Override
    protected ClientRequest decode(ChannelHandlerContext ctx, ByteBuf buf) throws Exception {
        SentDocuments.forget();
        int start = buf.readerIndex();
        ClientRequest request = OpMessages.startsWithWholeMessage(buf) ? OpMessages.decode(ctx.channel(), buf)
                : super.decode(ctx, buf);
        if (request instanceof MongoMessage message) {
            SentDocuments.remember(message.getDocument(), buf, start, buf.readerIndex());
        }
        return request;
    }
}
