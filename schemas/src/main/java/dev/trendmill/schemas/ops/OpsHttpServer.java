package dev.trendmill.schemas.ops;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An HTTP server with only the {@link OpsRoutes}, for a service that has no other HTTP endpoint (enrich). */
public final class OpsHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpsHttpServer.class);
  private final HttpServer server;
  private final ExecutorService executor;

  public OpsHttpServer(String name, String host, int port, Probes probes) throws IOException {
    this.server = HttpServer.create(new InetSocketAddress(host, port), 16);
    this.executor =
        Executors.newFixedThreadPool(
            2,
            runnable -> {
              Thread thread = new Thread(runnable, name + "-ops-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    OpsRoutes.install(server, probes, true);
    server.start();
    LOG.info("{} ops HTTP listening on http://{}:{}/ (/metrics, /health/live, /health/ready)", name, host, port());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
