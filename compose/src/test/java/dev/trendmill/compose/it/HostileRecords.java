package dev.trendmill.compose.it;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** Records no ingest should accept, by kind, drawn from a seeded random source so that a failure can be replayed. */
final class HostileRecords {
  static final List<String> KINDS =
      List.of(
          "random-bytes", "truncated-json", "nested-arrays", "nested-objects", "huge-title-no-body", "wrong-type-title",
          "wrong-type-body", "wrong-type-tags", "wrong-type-date", "invalid-utf8-no-body", "invalid-utf8-bytes",
          "control-characters", "script-only-html", "json-scalar", "empty", "bad-date", "json-array-of-articles");

  private HostileRecords() {}

  static byte[] make(String kind, SplittableRandom random) {
    return switch (kind) {
      case "random-bytes" -> {
        byte[] bytes = new byte[1 + random.nextInt(2000)];
        random.nextBytes(bytes);
        bytes[0] = (byte) (0x80 | bytes[0]); // never a JSON start by accident
        yield bytes;
      }
      case "truncated-json" -> {
        String whole = "{\"title\": \"Cut short " + random.nextInt() + "\", \"body\": \"" + words(random, 60) + "\", \"published_at\": \"2024-01-01T00:00:00Z\"}";
        yield utf8(whole.substring(0, 1 + random.nextInt(whole.length() - 2)));
      }
      case "nested-arrays" -> utf8("[".repeat(2000 + random.nextInt(20000)));
      case "nested-objects" -> {
        int depth = 1500 + random.nextInt(3000);
        yield utf8("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
      }
      case "huge-title-no-body" -> utf8("{\"title\": \"" + "A".repeat(50_000 + random.nextInt(100_000)) + "\"}");
      case "wrong-type-title" -> utf8("{\"title\": " + random.nextInt() + ", \"body\": \"" + words(random, 40) + "\"}");
      case "wrong-type-body" -> utf8("{\"title\": \"Arrays are no body\", \"body\": [\"" + words(random, 5) + "\"]}");
      case "wrong-type-tags" -> utf8("{\"title\": \"Tags " + random.nextInt() + "\", \"body\": \"" + words(random, 40) + "\", \"tags\": \"not-a-list\"}");
      case "wrong-type-date" -> utf8("{\"title\": \"Dates " + random.nextInt() + "\", \"body\": \"" + words(random, 40) + "\", \"published_at\": true}");
      case "invalid-utf8-no-body" -> {
        byte[] prefix = utf8("{\"title\": \"");
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] suffix = utf8("\"}");
        byte[] all = new byte[prefix.length + bad.length + suffix.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(bad, 0, all, prefix.length, bad.length);
        System.arraycopy(suffix, 0, all, prefix.length + bad.length, suffix.length);
        yield all;
      }
      case "invalid-utf8-bytes" -> new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) random.nextInt(256)};
      case "control-characters" -> utf8("{\"title\": \"\\u0001\\u0002\\u0003\", \"body\": \"\\u0000\\u0007\\u001b[31m\\u0008\\u007f\"}");
      case "script-only-html" ->
          utf8("{\"title\": \"<script>alert(" + random.nextInt() + ")</script>\", \"body\": \"<html><head><script>document.cookie</script><style>p{}</style></head><body><script>alert(1)</script><iframe src=javascript:alert(1)></iframe></body></html>\"}");
      case "json-scalar" -> utf8(switch (random.nextInt(4)) {
        case 0 -> "null";
        case 1 -> Integer.toString(random.nextInt());
        case 2 -> "\"just a string\"";
        default -> "true";
      });
      case "empty" -> new byte[0];
      case "bad-date" -> utf8("{\"title\": \"When " + random.nextInt() + "\", \"body\": \"" + words(random, 40) + "\", \"published_at\": \"the 31st of Februember\"}");
      case "json-array-of-articles" -> utf8("[{\"title\": \"One\", \"body\": \"" + words(random, 30) + "\"}]");
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static String words(SplittableRandom random, int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append(i == 0 ? "" : " ").append("w").append(Integer.toString(random.nextInt(1 << 20), 36));
    }
    return text.toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
