package dev.trendmill.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The function-word shortcut answers only for clear prose, and then as Lingua does; anything short, link-heavy,
 * mixed or in another script is left to Lingua (texts written for this test).
 */
final class FunctionWordsTest {
  private static final String ENGLISH =
      "The team behind the scheduler has published a new release this week. It moves the work queue into a faster structure"
          + " and removes two flags that were only kept for older clusters. Most of the changes come from users who run it at"
          + " scale, and the notes explain how each of them can be tried before an upgrade, which settings have new defaults,"
          + " and what to check when something looks wrong after the move.";
  private static final String GERMAN =
      "Das Team hinter dem Planer hat in dieser Woche eine neue Version veröffentlicht. Sie verlegt die Warteschlange in eine"
          + " schnellere Struktur und entfernt zwei Optionen, die nur noch für ältere Cluster gebraucht wurden. Die meisten"
          + " Änderungen kommen von Nutzern, die ihn auf großen Systemen betreiben, und die Hinweise erklären, wie man sie vor"
          + " einem Update ausprobieren kann, welche Einstellungen neue Vorgaben haben und was zu prüfen ist, wenn danach etwas"
          + " nicht stimmt.";
  private static final String FRENCH =
      "L'équipe du planificateur a publié cette semaine une nouvelle version. Elle déplace la file de travail vers une"
          + " structure plus rapide et supprime deux options qui ne servaient plus que pour les anciens clusters. La plupart des"
          + " changements viennent des utilisateurs qui le font tourner sur de grands systèmes, et les notes expliquent comment"
          + " les essayer avant une mise à jour, quels réglages ont de nouvelles valeurs par défaut et ce qu'il faut vérifier"
          + " si quelque chose ne va pas après le passage.";

  static Stream<Arguments> clearProse() {
    return Stream.of(Arguments.of("en", ENGLISH), Arguments.of("de", GERMAN), Arguments.of("fr", FRENCH));
  }

  @ParameterizedTest
  @MethodSource("clearProse")
  void clearProseIsDecidedByItsFunctionWordsAsLinguaDecidesIt(String expected, String text) {
    assertThat(FunctionWords.clearLanguage(text)).isEqualTo(expected);
    assertThat(Languages.detectWithLinguaOnly(text)).isEqualTo(expected);
    assertThat(Languages.detect(text)).isEqualTo(expected);
  }

  @Test
  void everyLanguageWithAListIsOneLinguaKnows() {
    List<String> supported = Arrays.stream(Languages.SUPPORTED).map(language -> language.getIsoCode639_1().toString()).toList();

    assertThat(FunctionWords.LANGUAGES).hasSize(10).isSubsetOf(supported);
  }

  @Test
  void aShortTextIsLeftToLingua() {
    String sentence = "The team behind the scheduler has published a new release this week, and the notes explain each change.";

    assertThat(FunctionWords.clearLanguage(sentence)).isNull();
    assertThat(Languages.detect(sentence)).isEqualTo("en");
  }

  @Test
  void aTextMostlyOfLinksIsLeftToLingua() {
    String links =
        "The notes are in [the release post](https://blog.example.org/2024/05/scheduler/release-notes-for-the-new-queue/) and"
            + " the [migration guide](https://docs.example.org/scheduler/latest/operations/upgrading-from-older-versions/),"
            + " with [the benchmark](https://github.com/example-org/scheduler-benchmarks/blob/main/results/queue/2024-05.md) and"
            + " [the design](https://github.com/example-org/scheduler/blob/main/docs/design/work-queue-structure.md) for those"
            + " who want more. Thanks to [Ana](https://github.com/ana-example), [Bo](https://github.com/bo-example) and all of"
            + " the others who tested it before the release, and to [the users](https://community.example.org/t/queue/4711).";

    assertThat(FunctionWords.clearLanguage(links)).isNull();
  }

  @Test
  void commandLineHelpIsLeftToLingua() {
    String help =
        """
          -c, --config=/etc/trendmill/ingest.properties   liest die Einstellungen aus der Datei
          -d, --data-dir=/var/lib/trendmill/ingest        legt die Daten in dem Verzeichnis ab
          -l, --log-config=/etc/trendmill/logback.xml     liest die Protokollierung aus der Datei
          -p, --port=8080                                 nimmt Anfragen auf dem Port an
          -t, --threads=N                                 startet so viele Threads für die Arbeit
          -v, --verbose                                   schreibt mehr in das Protokoll
          -w, --wait=/var/lib/trendmill/ingest/ready      wartet auf die Datei, bevor es beginnt
          -x, --exit-on-error                             endet bei dem ersten Fehler mit dem Code 1
        """;
    String descriptions = help.lines().map(line -> line.replaceAll("-\\S+", "")).collect(Collectors.joining("\n"));

    assertThat(FunctionWords.clearLanguage(descriptions)).isEqualTo("de");
    assertThat(FunctionWords.clearLanguage(help)).isNull();
  }

  @Test
  void halfOneLanguageHalfAnotherIsLeftToLingua() {
    String[] english = ENGLISH.split("(?<=\\.) ");
    String[] german = GERMAN.split("(?<=\\.) ");
    String mixed = String.join(" ", english[0], german[0], english[1], german[1], english[2], german[2]);

    assertThat(FunctionWords.clearLanguage(mixed)).isNull();
  }

  @Test
  void otherScriptsAreLeftToLingua() {
    String russian =
        "Разработчики проекта выпустили на этой неделе новую версию. Она переносит планировщик в более быструю очередь и"
            + " убирает два старых флага, которые нужны были только для старых кластеров. Большая часть изменений пришла от"
            + " пользователей, которые запускают его на больших системах, и заметки объясняют, как попробовать их до"
            + " обновления и что проверить, если после переезда что-то пошло не так.";
    String englishWithJapanese = ENGLISH + " " + "プロジェクトの開発者は今週新しいバージョンを公開しました。".repeat(2);

    assertThat(Languages.detectWithLinguaOnly(russian)).isEqualTo("ru");
    assertThat(FunctionWords.clearLanguage(russian)).isNull();
    assertThat(FunctionWords.clearLanguage(englishWithJapanese)).isNull();
  }

  @Test
  void englishFullOfAccentedLettersIsLeftToLingua() {
    String loanwords = ENGLISH + " Café, résumé, naïve, déjà vu, façade, entrée, fiancée, soufflé, crème brûlée.";

    assertThat(FunctionWords.clearLanguage(ENGLISH + " Cafe, resume, naive, deja vu, facade, entree, fiancee, souffle, creme brulee.")).isEqualTo("en");
    assertThat(FunctionWords.clearLanguage(loanwords)).isNull();
  }
}
