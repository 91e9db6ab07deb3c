package dev.trendmill.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleTextTest {
  @TempDir Path dir;

  @Test
  void markdownTitleIsTheFirstLineWithoutHeadingMarks() {
    ArticleText.Text text = ArticleText.plain("\n# Argo CD 3.4 ships\n\nThe Argo project shipped.\n");
    assertThat(text.title()).isEqualTo("Argo CD 3.4 ships");
    assertThat(text.body()).isEqualTo("The Argo project shipped.");
  }

  @Test
  void htmlKeepsBlocksAsParagraphsAndCodeInBackticks() {
    ArticleText.Text text = ArticleText.html("<html><head><title>Helm news</title><script>var Argo;</script></head><body>"
        + "<nav>Home</nav><h1>Helm news</h1><p>Helm 4 is <b>out</b>.</p><pre>helm install Argo</pre><ul><li>Flux too</li></ul></body></html>");
    assertThat(text.title()).isEqualTo("Helm news");
    assertThat(text.body()).isEqualTo("Helm 4 is out.\n\n`helm install Argo`\n\nFlux too");
  }

  @Test
  void jsonArticlesAndArrays() throws IOException {
    Path one = Files.writeString(dir.resolve("a.json"), "{\"title\":\"T\",\"text\":\"B\"}");
    Path many = Files.writeString(dir.resolve("b.json"), "[{\"title\":\"T1\",\"body\":\"B1\"},{\"title\":\"T2\",\"content\":\"B2\"}]");
    assertThat(ArticleText.read(one)).containsExactly(new ArticleText.Text("", "T", "B"));
    assertThat(ArticleText.read(many)).extracting(ArticleText.Text::body).containsExactly("B1", "B2");
  }

  @Test
  void otherExtensionsAreRefused() throws IOException {
    Path pdf = Files.writeString(dir.resolve("a.pdf"), "x");
    assertThatThrownBy(() -> ArticleText.read(pdf)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.pdf");
  }
}
