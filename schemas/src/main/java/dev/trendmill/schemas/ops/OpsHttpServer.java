package dev.trendmill.schemas.ops;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An HTTP server with only the {@link OpsRoutes}, for a service that has no other HTTP endpoint (enrich). */
public final class OpsHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpsHttpServer.class);
  private final HttpEndpoint endpoint;

  public OpsHttpServer(String name, String host, int port, Probes probes) throws IOException {
    this.endpoint = HttpEndpoint.bind(name + "-ops-http", host, port, 2);
    OpsRoutes.install(endpoint.server(), probes, true);
    endpoint.start();
    LOG.info("{} ops HTTP listening on http://{}:{}/ (/metrics, /health/live, /health/ready)", name, host, port());
  }

  public int port() {
    return endpoint.port();
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
