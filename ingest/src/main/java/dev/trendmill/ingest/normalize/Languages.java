package dev.trendmill.ingest.normalize;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;

/**
 * Language detection into ISO 639-1 codes with Lingua, or null when unsure (unknown is allowed, never an error).
 *
 * <p>Cost: Lingua with all 75 languages in high-accuracy mode holds about 1 GB of n-gram models; restricted to the
 * languages tech news is written in and in low-accuracy mode (trigrams only, ample for article-length text) it holds
 * a few tens of MB and builds in well under a second, so the service keeps its small heap. The models load once per
 * JVM and the detector is thread-safe, so one shared instance serves every stream thread.
 */
public final class Languages {
  /** The languages recognized; text in any other comes out as one of these with low confidence, or unknown. */
  static final Language[] SUPPORTED = {
    Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE,
    Language.DUTCH, Language.SWEDISH, Language.POLISH, Language.RUSSIAN, Language.UKRAINIAN, Language.TURKISH,
    Language.JAPANESE, Language.CHINESE, Language.KOREAN
  };
  /** Fewer letters than this and detection is a guess: leave the language unknown. */
  private static final int MIN_LETTERS = 20;
  /**
   * Only the start of a long article is read: a paragraph or two decide the language. Detection takes time in
   * proportion to the text; 4,000 characters took 4.9 ms an article over the blog corpus, most of ingest's time for an
   * article that gives no language, and 1,000 took 1.8 ms with the same answers.
   */
  static final int MAX_CHARS = 1000;

  private static final class Holder {
    static final LanguageDetector DETECTOR =
        LanguageDetectorBuilder.fromLanguages(SUPPORTED).withLowAccuracyMode().withMinimumRelativeDistance(0.05).build();
  }

  private Languages() {}

  /** The ISO 639-1 code of the text's language, or null when unknown. */
  public static String detect(String text) {
    if (text == null) {
      return null;
    }
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    long letters = sample.codePoints().filter(Character::isLetter).count();
    if (letters < MIN_LETTERS) {
      return null;
    }
    Language language = Holder.DETECTOR.detectLanguageOf(sample);
    if (language == Language.UNKNOWN) {
      return null;
    }
    return language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
  }

  /** A given language tag reduced to its primary subtag in lower case ("en-US" → "en"), null when blank. */
  public static String normalizeTag(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    return primary.isEmpty() ? null : primary;
  }
}
