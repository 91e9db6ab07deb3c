package dev.trendmill.aggregate.query;

import java.time.Instant;
import java.util.List;

/** A leaderboard: the horizon, the moment it describes, the window, and its rows. */
public record TrendBoard(String horizon, Instant asOf, Instant windowStart, Instant windowEnd, List<TrendRow> trends) {}
