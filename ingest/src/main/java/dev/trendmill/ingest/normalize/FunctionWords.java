package dev.trendmill.ingest.normalize;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The language of a sample when its function words leave no doubt, else null: {@link Languages} asks Lingua only
 * when this says nothing.
 *
 * <p>Why: Lingua spends well over a millisecond on an article, most of it looking each of the sample's trigrams up in
 * fifteen languages' models, while prose names its language in its commonest words ("the", "und", "les") at a
 * hundredth of the cost. Each list below holds frequent words of one Latin-script language that the other nine do
 * not use as common words ("de", "en", "la", "que", "to", "is" are left out for that reason), so a hit is evidence
 * for one language only.
 *
 * <p>A sample is clear when it has at least {@link #MIN_WORDS} words, its letters are Latin (other scripts are
 * Lingua's), at least {@link #MIN_SHARE_PERCENT}% of its words are one language's function words, no other language
 * has more than {@link #MAX_RIVAL_PERCENT}% as many, and at most {@link #MAX_CODE_PERCENT}% of its text is links,
 * paths, options or code. The last condition is where Lingua disagrees: its trigrams of a URL or an option
 * belong to no language, so on link-heavy English it finds English barely ahead and answers unknown (on the blog
 * corpus from 52% of link and code text on). Measured against Lingua on both blog corpus files and on sampled
 * translations in fifteen languages, see {@code LanguagesAgreementTest}.
 */
final class FunctionWords {
  /** Fewer words and Lingua's margin between the first two languages varies too much to foresee. */
  static final int MIN_WORDS = 40;
  static final int MIN_SHARE_PERCENT = 15;
  static final int MAX_RIVAL_PERCENT = 25;
  static final int MAX_CODE_PERCENT = 40;
  /** Accented letters in more than this share of an English-looking sample may be quoted text in another language. */
  private static final int MAX_ACCENTED_PERCENT_IN_ENGLISH = 2;
  /** Characters that mark a whitespace-separated token as a link, path, option, placeholder or code. */
  private static final String CODE_SIGNS = "/=%_<>{}\\@|$";
  private static final int LONGEST_WORD = 8;

  /** The languages with lists, as ISO 639-1 codes; English first. */
  static final List<String> LANGUAGES;

  private static final Map<String, Integer> LANGUAGE_OF_WORD = new HashMap<>();

  static {
    Map<String, String> lists = new LinkedHashMap<>();
    lists.put("en", "the and of that for with this are from have has which can not they you their these would there were been into"
        + " than your about what when how our its but it be by or we at if should could does each every some many most other"
        + " another after before during within without against between through under over while where because both those"
        + " such only just any may must who had them then he she his him my out up");
    lists.put("de", "der die und ist nicht ein eine einen mit für auf dem sich von zu im wird werden kann oder sie ich wir auch nur"
        + " wenn aus bei noch nach über sind hat wurde dass diese keine");
    lists.put("fr", "les est une et pour dans qui sur pas du au aux ce cette avec sont vous nous ne par ou été être peut ces leur"
        + " fait tout");
    lists.put("es", "el los las y más su sus pero muy también hay puede cuando están fue");
    lists.put("it", "il di che è per della non sono gli dei nel alla questo ed più anche essere delle degli alle sul dal ci");
    lists.put("pt", "os é uma não em ao mais foi você também são pelo pela isso seu sua ele muito quando já tem há essa esse ainda"
        + " pode seus suas");
    lists.put("nl", "het een van niet op te dat voor met zijn wordt deze ook naar bij aan ze worden heeft hebben maar wat dit geen"
        + " uit nog veel wel hun");
    lists.put("sv", "och att är det som på för med inte av till har ett vi från eller ska jag sig men också detta när vid mycket"
        + " efter sina hur");
    lists.put("pl", "w się nie że jest z jak po od dla czy ale są przez tak można oraz może jego być tym tego który która które już"
        + " jako lub aby tylko bardzo");
    lists.put("tr", "ve bir bu için ile olarak daha çok gibi ama olan var değil mi sonra kadar ancak veya her şu ise ya");
    LANGUAGES = List.copyOf(lists.keySet());
    for (Map.Entry<String, String> list : lists.entrySet()) {
      for (String word : list.getValue().split(" ")) {
        Integer other = LANGUAGE_OF_WORD.put(word, LANGUAGES.indexOf(list.getKey()));
        if (other != null || word.length() > LONGEST_WORD) {
          throw new IllegalStateException("'" + word + "' is in two lists or longer than " + LONGEST_WORD + " letters");
        }
      }
    }
  }

  private FunctionWords() {}

  /** The ISO 639-1 code of the sample's language when its function words leave no doubt, else null. */
  static String clearLanguage(String sample) {
    int[] hits = new int[LANGUAGES.size()];
    int words = 0;
    int asciiLetters = 0;
    int accentedLetters = 0;
    int otherScriptLetters = 0;
    int tokenChars = 0;
    int codeChars = 0;
    int tokenStart = 0;
    boolean tokenHasLetter = false;
    boolean tokenIsCode = false;
    char[] word = new char[LONGEST_WORD];
    int wordLength = 0;
    int length = sample.length();
    for (int i = 0; i <= length; i++) {
      char c = i < length ? sample.charAt(i) : ' ';
      if (Character.isLetter(c)) {
        if (c < 128) {
          asciiLetters++;
        } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
          accentedLetters++;
        } else {
          otherScriptLetters++;
        }
        if (wordLength < LONGEST_WORD) {
          word[wordLength] = Character.toLowerCase(c);
        }
        wordLength++;
        tokenHasLetter = true;
        continue;
      }
      if (Character.isSurrogate(c)) {
        otherScriptLetters++;
      }
      if (wordLength > 0) {
        words++;
        if (wordLength <= LONGEST_WORD) {
          Integer language = LANGUAGE_OF_WORD.get(new String(word, 0, wordLength));
          if (language != null) {
            hits[language]++;
          }
        }
        wordLength = 0;
      }
      if (Character.isWhitespace(c)) {
        if (tokenHasLetter) {
          tokenChars += i - tokenStart;
          if (tokenIsCode) {
            codeChars += i - tokenStart;
          }
        }
        tokenStart = i + 1;
        tokenHasLetter = false;
        tokenIsCode = false;
      } else if (CODE_SIGNS.indexOf(c) >= 0 || (c == '-' && i == tokenStart && i + 1 < length && isOptionStart(sample.charAt(i + 1)))) {
        tokenIsCode = true;
      }
    }
    int letters = asciiLetters + accentedLetters + otherScriptLetters;
    if (words < MIN_WORDS || otherScriptLetters * 100 > letters || codeChars * 100 > tokenChars * MAX_CODE_PERCENT) {
      return null;
    }
    int best = 0;
    for (int i = 1; i < hits.length; i++) {
      if (hits[i] > hits[best]) {
        best = i;
      }
    }
    int rival = 0;
    for (int i = 0; i < hits.length; i++) {
      if (i != best) {
        rival = Math.max(rival, hits[i]);
      }
    }
    if (hits[best] * 100 < words * MIN_SHARE_PERCENT || rival * 100 > hits[best] * MAX_RIVAL_PERCENT) {
      return null;
    }
    if (best == 0 && accentedLetters * 100 > letters * MAX_ACCENTED_PERCENT_IN_ENGLISH) {
      return null;
    }
    return LANGUAGES.get(best);
  }

  /** "-v" and "--verbose" start command-line options; a dash before a space or a digit is prose or a number. */
  private static boolean isOptionStart(char next) {
    return next == '-' || Character.isLetter(next);
  }
}
