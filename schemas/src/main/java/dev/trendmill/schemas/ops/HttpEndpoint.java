package dev.trendmill.schemas.ops;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A bound JDK HTTP server with its own small pool of daemon threads: what every service's HTTP endpoint (the view,
 * ingest's POST /articles, the ops routes) is built on. Binding and starting are apart, so a service can learn its
 * port (0 picks a free one) before it serves.
 */
public final class HttpEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private HttpEndpoint(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds {@code host:port}; {@code name} names the handler threads. */
  public static HttpEndpoint bind(String name, String host, int port, int threads) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    return new HttpEndpoint(server, executor);
  }

  /** The server, to add routes to before {@link #start()}. */
  public HttpServer server() {
    return server;
  }

  public String host() {
    return server.getAddress().getHostString();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public void start() {
    server.start();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
