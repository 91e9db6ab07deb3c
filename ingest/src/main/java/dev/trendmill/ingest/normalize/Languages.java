package dev.trendmill.ingest.normalize;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;

/**
 * Language detection into ISO 639-1 codes, or null when unsure (unknown is allowed, never an error): the sample's
 * function words decide clear prose ({@link FunctionWords}), Lingua the rest.
 *
 * <p>Cost: Lingua with all 75 languages in high-accuracy mode holds about 1 GB of n-gram models; restricted to the
 * languages tech news is written in and in low-accuracy mode (trigrams only, ample for article-length text) it holds
 * a few tens of MB and builds in well under a second, so the service keeps its small heap. The models load once per
 * JVM and the detector is thread-safe, so one shared instance serves every stream thread. Its trigram look-ups still
 * cost over a millisecond an article, several times the rest of ingest, which is why clear prose never reaches it.
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
   * Only the start of a long article is read: a paragraph or two decide the language. Lingua takes time in
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
    String sample = sample(text);
    if (sample == null) {
      return null;
    }
    String clear = FunctionWords.clearLanguage(sample);
    return clear != null ? clear : lingua(sample);
  }

  /**
   * Lingua alone on the same sample, without the function-word shortcut: the reference that the agreement tests and
   * the language benchmark hold {@link #detect} to.
   */
  public static String detectWithLinguaOnly(String text) {
    String sample = sample(text);
    return sample == null ? null : lingua(sample);
  }

  /** The start of the text that detection reads, or null when it has too few letters to tell. */
  private static String sample(String text) {
    if (text == null) {
      return null;
    }
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    int letters = 0;
    for (int i = 0; i < sample.length() && letters < MIN_LETTERS; ) {
      int codePoint = sample.codePointAt(i);
      if (Character.isLetter(codePoint)) {
        letters++;
      }
      i += Character.charCount(codePoint);
    }
    return letters < MIN_LETTERS ? null : sample;
  }

  private static String lingua(String sample) {
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
