package dev.trendmill.compose.cmd;

import dev.trendmill.compose.embedded.LocalStack;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trendmill up}: runs the local stack until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Start the local stack (Kafka, schema registry, ingest, enrich, aggregate, view) until Ctrl-C.")
public final class UpCommand implements Callable<Integer> {
  @Mixin StackOptions stack;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
    LocalStack running = new LocalStack(stack.settings(StackOptions.home().resolve("data")), out).start();
    printAddresses(running, out);
    out.println("Press Ctrl-C to stop.");
    blockUntilShutdown(running, out);
    return 0;
  }

  static void printAddresses(LocalStack stack, PrintStream out) {
    out.println();
    out.println("  Kafka            " + stack.settings().bootstrapServers());
    out.println("  Schema registry  " + stack.settings().registryUrl());
    out.println("  View             " + stack.settings().viewUrl() + "/");
    out.println();
  }

  /** Waits for SIGTERM/Ctrl-C, then stops the stack in order before the JVM exits. */
  static void blockUntilShutdown(LocalStack stack, PrintStream out) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Stopping...");
                  try {
                    stack.close();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  out.println("Stopped.");
                  stopped.countDown();
                }));
    stopped.await();
  }
}
