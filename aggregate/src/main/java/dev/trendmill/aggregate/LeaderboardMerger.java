package dev.trendmill.aggregate;

import dev.trendmill.aggregate.score.Leaderboard;
import dev.trendmill.aggregate.score.Standing;
import dev.trendmill.schemas.avro.TopTrends;
import dev.trendmill.schemas.avro.TrendEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Partitions' own leaderboards in (keyed {@code <horizon>|<type>#<partition>}, all on one partition), merged
 * leaderboards out (keyed {@code <horizon>|<type>}, for the compacted {@code trends.top}), only when they change.
 * Each part replaces that partition's previous part, and the merge is recomputed from all current parts: the result
 * never depends on the order the parts arrive in.
 */
final class LeaderboardMerger implements Processor<String, TopTrends, String, TopTrends> {
  private final int topN;
  private KeyValueStore<String, TopTrends> parts;
  private KeyValueStore<String, TopTrends> published;
  private ProcessorContext<String, TopTrends> context;

  LeaderboardMerger(int topN) {
    this.topN = topN;
  }

  @Override
  public void init(ProcessorContext<String, TopTrends> context) {
    this.context = context;
    this.parts = context.getStateStore(StoreNames.LEADERBOARD_PARTS);
    this.published = context.getStateStore(StoreNames.LEADERBOARDS);
  }

  @Override
  public void process(Record<String, TopTrends> record) {
    parts.put(record.key(), record.value());
    String board = record.key().substring(0, record.key().lastIndexOf('#'));
    List<List<Standing>> all = new ArrayList<>();
    Instant asOf = Instant.EPOCH;
    try (KeyValueIterator<String, TopTrends> iterator = parts.prefixScan(board + "#", new org.apache.kafka.common.serialization.StringSerializer())) {
      while (iterator.hasNext()) {
        KeyValue<String, TopTrends> part = iterator.next();
        all.add(part.value.getEntries().stream().map(LeaderboardMerger::standing).toList());
        if (part.value.getAsOf().isAfter(asOf)) {
          asOf = part.value.getAsOf();
        }
      }
    }
    Comparator<Standing> order = board.startsWith(TrendProcessor.ALL_TIME + "|") ? Leaderboard.BY_COUNT : Leaderboard.ORDER;
    List<TrendEntry> merged = TrendProcessor.entries(Leaderboard.merge(all, topN, order));
    TopTrends previous = published.get(board);
    if (previous != null && previous.getEntries().equals(merged)) {
      return;
    }
    TopTrends top = new TopTrends(record.value().getHorizon(), record.value().getEntityType(), asOf, merged);
    published.put(board, top);
    context.forward(record.withKey(board).withValue(top));
  }

  private static Standing standing(TrendEntry entry) {
    return new Standing(entry.getEntityId(), entry.getName(), entry.getType(), entry.getCount(), 0, entry.getScore());
  }
}
