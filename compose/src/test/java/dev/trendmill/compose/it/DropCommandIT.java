package dev.trendmill.compose.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trendmill.compose.TrendmillCommand;
import dev.trendmill.compose.embedded.LocalStack;
import dev.trendmill.compose.progress.PipelineProgress;
import dev.trendmill.compose.view.ViewClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trendmill drop} as a user runs it, against the running stack: a folder of pages and JSON files is read
 * recursively, what can be sent is sent, what cannot is listed with its reason, and the exit code says so.
 */
@ExtendWith(EmbeddedStackExtension.class)
class DropCommandIT {
  @TempDir Path folder;

  @Test
  void dropsAFolderAndSaysWhatItSentAndSkipped(LocalStack stack) throws Exception {
    Files.writeString(folder.resolve("one.json"), "{\"title\": \"Drop command check " + System.nanoTime() + "\", \"body\": \"Kubernetes and Argo notes.\"}");
    Files.writeString(folder.resolve("two.jsonl"), "{\"title\": \"Second " + System.nanoTime() + "\", \"body\": \"Envoy notes.\"}\nnot json at all\n");
    Files.writeString(folder.resolve("broken.json"), "{\"title\": ");
    Files.writeString(folder.resolve("notes.pdf"), "%PDF-1.7");
    // Pages of our own (other tests drop the shared messy pages; those would be duplicates here).
    Path pages = folder.resolve("pages");
    Files.createDirectories(pages);
    long run = System.nanoTime();
    Files.writeString(pages.resolve("notes.txt"), "Platform team notes " + run + "\n\nMarch 3 2021\n\nThe platform team moved the build farm onto Kubernetes this quarter.\n");
    Files.writeString(pages.resolve("story.html"), "<html><head><title>Mesh story " + run + "</title></head><body><nav>Home | News</nav>"
        + "<article><p>Operators rolled out Istio across three regions after a long trial.</p><p>They kept the old gateways for a month.</p></article>"
        + "<footer>Subscribe to our newsletter</footer></body></html>");
    Files.writeString(pages.resolve("furniture.html"), "<html><body><nav>Home</nav><p>Share on Facebook | Twitter</p></body></html>");

    PipelineScenario.Endpoints endpoints = PipelineScenario.Endpoints.of(stack);
    PipelineProgress progress = endpoints.progress();
    ViewClient view = new ViewClient(endpoints.viewUrl());
    PipelineProgress.Snapshot snapshot = progress.snapshot(view);

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        TrendmillCommand.newCommandLine()
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute("drop", folder.toString(), "--bootstrap-server", endpoints.bootstrapServers());

    // The JSON object, the two JSONL lines (the bad one is ingest's to judge) and the 2 readable pages are sent;
    // the unreadable JSON file, the PDF and the page that is only furniture are skipped with a reason.
    assertThat(out.toString()).as(err.toString()).contains("Sent 5 articles to articles.inbox");
    assertThat(out.toString()).contains("Skipped 3:").contains("broken.json").contains("notes.pdf").contains("furniture.html");
    assertThat(exit).as("some files were skipped").isEqualTo(2);

    // Everything sent goes through: 4 articles, and the bad JSONL line dead-lettered.
    PipelineProgress.Outcome outcome = progress.awaitThrough(snapshot, 5, view, Duration.ofMinutes(2));
    assertThat(outcome.complete()).as(outcome.summary()).isTrue();
    assertThat(outcome.articles()).isEqualTo(4);
    assertThat(outcome.deadLettersByReason()).containsEntry("not-json", 1L);
  }
}
