package org.gaitctl.sim.modbus;

import com.digitalpetri.modbus.ModbusTcpFrame;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.server.ModbusRequestContext.ModbusTcpRequestContext;
import com.digitalpetri.modbus.server.ModbusTcpServerTransport;
import com.digitalpetri.modbus.tcp.ModbusTcpCodec;
import com.digitalpetri.modbus.tcp.Netty;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Modbus TCP server transport with one request queue per connection. digitalpetri's {@code
 * NettyTcpServerTransport} serves every connection from one shared queue, so a master that
 * pipelines many requests holds up every other master (measured: 8 s for one read behind 1500
 * pipelined requests at 5 ms each). Here each connection has its own worker thread (a bench has a
 * few masters, not hundreds), requests of one connection are answered in order, and a connection
 * with {@value #MAX_QUEUED_REQUESTS} requests waiting is not read further until its worker catches
 * up (TCP flow control then holds that master back, and memory stays bounded).
 *
 * <p>Frames whose MBAP protocol id is not 0 are not Modbus: they are dropped and the connection
 * stays open. A request for a unit not served gets no answer (as the library's transport does).
 */
final class PerConnectionTcpTransport implements ModbusTcpServerTransport {

  static final int MAX_QUEUED_REQUESTS = 32;

  private static final Logger LOG = LoggerFactory.getLogger(PerConnectionTcpTransport.class);

  private final String bindAddress;
  private final int port;
  private final AtomicReference<FrameReceiver<ModbusTcpRequestContext, ModbusTcpFrame>> receiver =
      new AtomicReference<>();
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final AtomicReference<Channel> serverChannel = new AtomicReference<>();

  PerConnectionTcpTransport(String bindAddress, int port) {
    this.bindAddress = bindAddress;
    this.port = port;
  }

  /** The bound port (the actual one when bound to port 0), or -1 before {@link #bind()}. */
  int boundPort() {
    Channel channel = serverChannel.get();
    return channel == null ? -1 : ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void receive(FrameReceiver<ModbusTcpRequestContext, ModbusTcpFrame> frameReceiver) {
    receiver.set(frameReceiver);
  }

  @Override
  public CompletionStage<Void> bind() {
    CompletableFuture<Void> bound = new CompletableFuture<>();
    ChannelFuture binding =
        new ServerBootstrap()
            .group(Netty.sharedEventLoop())
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    connections.add(channel);
                    channel.pipeline().addLast(new ModbusTcpCodec(), new ConnectionHandler());
                  }
                })
            .bind(bindAddress, port);
    binding.addListener(
        future -> {
          if (future.isSuccess()) {
            serverChannel.set(binding.channel());
            bound.complete(null);
          } else {
            bound.completeExceptionally(future.cause());
          }
        });
    return bound;
  }

  /**
   * Fault injection: resets every open connection as a device that reboots its network stack would
   * (SO_LINGER 0, then close: the master sees an RST, not an orderly FIN); the server keeps
   * listening for the master's reconnect. Returns how many connections were reset.
   */
  int resetConnections() {
    int reset = 0;
    for (Channel connection : connections) {
      connection.config().setOption(ChannelOption.SO_LINGER, 0);
      connection.close().awaitUninterruptibly();
      reset++;
    }
    return reset;
  }

  /** Stops listening and closes every open connection (what a device going away looks like). */
  @Override
  public CompletionStage<Void> unbind() {
    Channel channel = serverChannel.getAndSet(null);
    if (channel != null) {
      channel.close().awaitUninterruptibly();
    }
    connections.close().awaitUninterruptibly();
    return CompletableFuture.completedFuture(null);
  }

  /** One connection: its own worker, in order, bounded. */
  private final class ConnectionHandler extends SimpleChannelInboundHandler<ModbusTcpFrame> {

    private final AtomicInteger queued = new AtomicInteger();
    private ExecutorService worker;
    private ModbusTcpRequestContext context;

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      Channel channel = ctx.channel();
      worker =
          Executors.newSingleThreadExecutor(
              task -> {
                Thread thread = new Thread(task, "modbus-tcp-" + channel.remoteAddress());
                thread.setDaemon(true);
                return thread;
              });
      context = new Context(channel.localAddress(), channel.remoteAddress());
      ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      worker.shutdownNow();
      ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ModbusTcpFrame request) {
      if (request.header().protocolId() != 0) {
        LOG.debug(
            "{}: dropped a frame with protocol id {} (not Modbus)",
            ctx.channel().remoteAddress(),
            request.header().protocolId());
        return;
      }
      if (queued.incrementAndGet() >= MAX_QUEUED_REQUESTS) {
        ctx.channel().config().setAutoRead(false);
      }
      worker.execute(() -> serve(ctx.channel(), request));
    }

    private void serve(Channel channel, ModbusTcpFrame request) {
      try {
        FrameReceiver<ModbusTcpRequestContext, ModbusTcpFrame> frameReceiver = receiver.get();
        ModbusTcpFrame response = frameReceiver.receive(context, request);
        // null: a frame with nothing to answer (see SpecTcpServer).
        if (response != null) {
          channel.writeAndFlush(response);
        }
      } catch (UnknownUnitIdException e) {
        LOG.debug("no answer for unit {}: {}", request.header().unitId(), e.getMessage());
      } catch (Exception e) {
        // A bug in the emulator: the master sees the connection close, as with a failed device.
        LOG.error("Modbus request from {} failed; closing the connection", channel, e);
        channel.close();
      } finally {
        if (queued.decrementAndGet() < MAX_QUEUED_REQUESTS) {
          channel.config().setAutoRead(true);
        }
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.warn("Modbus connection {} failed: {}", ctx.channel(), cause.toString());
      ctx.close();
    }
  }

  private record Context(SocketAddress localAddress, SocketAddress remoteAddress)
      implements ModbusTcpRequestContext {}
}
