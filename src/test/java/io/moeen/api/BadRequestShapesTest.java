package io.moeen.api;

import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the server must refuse before any route runs, or that no operation accepts, still
 * get a localized problem+json answer: never an empty body, a bare status or a 5xx. The raw
 * requests go over a plain socket, exactly as written.
 */
class BadRequestShapesTest {
  private static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("bad-request-shapes");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  record Raw(int status, String head, String body) {
    JsonObject problem() {
      assertThat(head.toLowerCase()).contains("content-type: application/problem+json");
      return new JsonObject(body);
    }
  }

  private static Raw raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) > 0) {
        all.write(buffer, 0, read);
        String text = all.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        if (split > 0) {
          String head = text.substring(0, split);
          int length = contentLength(head);
          if (length >= 0 && text.getBytes(StandardCharsets.UTF_8).length - split - 4 >= length) {
            break;
          }
        }
      }
      String text = all.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String head = text.substring(0, split);
      return new Raw(Integer.parseInt(head.substring(9, 12)), head, text.substring(split + 4));
    }
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    return -1;
  }

  @Test
  @DisplayName("a request line longer than the server takes is 414 problem+json, in the clinic's default language (no header was read)")
  void uri_too_long_is_a_problem() throws IOException {
    Raw answer = raw("GET /v1/services?q=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\n\r\n");
    assertThat(answer.status()).isEqualTo(414);
    JsonObject problem = answer.problem();
    assertThat(problem.getString("code")).isEqualTo("uri_too_long");
    assertThat(problem.getInteger("status")).isEqualTo(414);
    assertThat(problem.getString("title")).isEqualTo("عنوان الطلب طويل جدًا");
  }

  @Test
  @DisplayName("headers larger than the server takes are 431 problem+json")
  void headers_too_large_is_a_problem() throws IOException {
    Raw answer = raw("GET /v1/services HTTP/1.1\r\nHost: x\r\nCookie: " + "c".repeat(20_000) + "\r\n\r\n");
    assertThat(answer.status()).isEqualTo(431);
    assertThat(answer.problem().getString("code")).isEqualTo("headers_too_large");
  }

  @Test
  @DisplayName("an overlong Accept-Language is read up to its limit, never a 5xx; beyond the header limit it is 431")
  void overlong_accept_language() throws IOException {
    String longList = "xx-yy;q=0.1, ".repeat(400) + "en";
    Raw answer = raw("GET /v1/nope HTTP/1.1\r\nHost: x\r\nAccept-Language: " + longList + "\r\n\r\n");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.problem().getString("code")).isEqualTo("not_found");
    Raw huge = raw("GET /v1/nope HTTP/1.1\r\nHost: x\r\nAccept-Language: " + "ar, ".repeat(5000) + "\r\n\r\n");
    assertThat(huge.status()).isEqualTo(431);
    assertThat(huge.problem().getString("code")).isEqualTo("headers_too_large");
  }

  @Test
  @DisplayName("a broken percent-escape in the path is 400 problem+json")
  void broken_escape_is_a_problem() throws IOException {
    Raw answer = raw("GET /v1/serv%zzices HTTP/1.1\r\nHost: x\r\nAccept-Language: ar\r\n\r\n");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.problem().getString("code")).isEqualTo("malformed_request");
  }

  @Test
  @DisplayName("a body of a type the operation does not take is 415; multipart to a JSON operation too")
  void wrong_content_types_are_415() throws IOException {
    String xml = "<login/>";
    Raw answer = raw("POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\nContent-Type: application/xml\r\n"
        + "Content-Length: " + xml.length() + "\r\n\r\n" + xml);
    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.problem().getString("code")).isEqualTo("unsupported_media_type");

    String multipart = "--b\r\nContent-Disposition: form-data; name=\"identifier\"\r\n\r\nx\r\n--b--\r\n";
    Raw form = raw("POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\n"
        + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + multipart.length() + "\r\n\r\n" + multipart);
    assertThat(form.status()).isEqualTo(415);
    assertThat(form.problem().getString("code")).isEqualTo("unsupported_media_type");
  }

  @Test
  @DisplayName("JSON that is not an object where one is expected is 400 problem+json")
  void json_that_is_not_an_object_is_400() throws IOException {
    for (String body : new String[] {"[1,2]", "\"text\"", "42", "null", "true"}) {
      Raw answer = raw("POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nAccept-Language: ar\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length() + "\r\n\r\n" + body);
      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.problem().getString("title")).as(body).isNotBlank();
    }
  }
}
