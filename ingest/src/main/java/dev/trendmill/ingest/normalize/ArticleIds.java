package dev.trendmill.ingest.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Stable article ids: a hash of the canonical URL, else of the normalized title and body. */
public final class ArticleIds {
  private ArticleIds() {}

  public static String fromUrl(String canonicalUrl) {
    return "u-" + sha256(canonicalUrl).substring(0, 32);
  }

  public static String fromContent(String title, String body) {
    String normalized = (title + "\n" + body).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    return "h-" + sha256(normalized).substring(0, 32);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
