package io.moeen.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.URI;

/**
 * {@link CorrectedLoad#open} from the command line, for bench/all.sh: GET one URL at a fixed rate,
 * like wrk2 (which Debian does not package), each latency counted from when its request was due.
 *
 * <pre>OpenLoop URL RATE SECONDS CONNECTIONS [-H 'Name: value']...</pre>
 * The first quarter of the requests (at most 3 s of them) warms this JVM's client up and is not counted.
 * Prints one line: {@code achieved-req/s p50-ms p99-ms max-ms non-2xx}.
 */
public final class OpenLoop {
  private OpenLoop() {
  }

  public static void main(String[] args) {
    URI url = URI.create(args[0]);
    double rate = Double.parseDouble(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int connections = Integer.parseInt(args[3]);
    Vertx vertx = Vertx.vertx();
    try {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(connections));
      HttpRequest<Buffer> get = client.get(url.getPort(), url.getHost(),
          url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
      for (int i = 4; i + 1 < args.length; i += 2) {
        if ("-H".equals(args[i])) {
          String[] header = args[i + 1].split(":\\s*", 2);
          get.putHeader(header[0], header[1]);
        }
      }
      int requests = (int) (rate * seconds);
      int warmUp = (int) Math.min(rate * 3, requests / 4.0);
      CorrectedLoad.open(vertx, i -> CorrectedLoad.status(get.copy().send()), warmUp, rate, 200);
      CorrectedLoad.Result result = CorrectedLoad.open(vertx, i -> CorrectedLoad.status(get.copy().send()),
          requests - warmUp, rate, 200);
      System.out.printf("%.0f %.2f %.2f %.2f %d%n", result.perSecond(), result.ms(50), result.ms(99),
          result.latencies().getMaxValue() / 1000.0, result.errors());
    } finally {
      vertx.close().await();
    }
  }
}
