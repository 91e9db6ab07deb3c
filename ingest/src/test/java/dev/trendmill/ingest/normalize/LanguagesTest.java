package dev.trendmill.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Language detection on the start of an article, in the languages tech news is written in (texts written for this test). */
final class LanguagesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en | The maintainers of the project published a new release this week. It moves the scheduler to a faster queue and removes two old flags.",
        "de | Die Entwickler des Projekts haben diese Woche eine neue Version veröffentlicht. Sie verlegt den Planer in eine schnellere Warteschlange.",
        "fr | Les responsables du projet ont publié une nouvelle version cette semaine. Elle déplace l'ordonnanceur vers une file plus rapide.",
        "es | Los responsables del proyecto publicaron una nueva versión esta semana. Traslada el planificador a una cola más rápida y elimina dos opciones.",
        "it | I responsabili del progetto hanno pubblicato una nuova versione questa settimana. Sposta lo scheduler in una coda più veloce.",
        "pt | Os responsáveis pelo projeto publicaram uma nova versão esta semana. Ela leva o agendador para uma fila mais rápida e remove duas opções.",
        "nl | De beheerders van het project hebben deze week een nieuwe versie uitgebracht. Die verplaatst de planner naar een snellere wachtrij.",
        "pl | Opiekunowie projektu opublikowali w tym tygodniu nową wersję. Przenosi ona planistę do szybszej kolejki i usuwa dwie stare opcje.",
        "ru | Разработчики проекта выпустили на этой неделе новую версию. Она переносит планировщик в более быструю очередь и убирает два старых флага.",
        "ja | プロジェクトの開発者は今週新しいバージョンを公開しました。スケジューラはより速いキューに移り、古い設定が二つ削除されました。"
      })
  void theStartOfAnArticleTellsItsLanguage(String expected, String text) {
    assertThat(Languages.detect(text)).isEqualTo(expected);
  }

  @Test
  void onlyTheStartOfALongArticleIsRead() {
    String english = "The maintainers of the project published a new release this week, and the notes explain every change. ".repeat(12);
    String german = "Die Entwickler des Projekts haben diese Woche eine neue Version veröffentlicht, und die Hinweise erklären alles. ".repeat(40);

    assertThat(english.length()).isGreaterThan(Languages.MAX_CHARS);
    assertThat(german.length()).isGreaterThan(3 * english.length());
    assertThat(Languages.detect(english + german)).isEqualTo("en");
  }

  @Test
  void tooFewLettersLeaveTheLanguageUnknown() {
    assertThat(Languages.detect("v1.2 -> 1.3 (#42)")).isNull();
  }
}
