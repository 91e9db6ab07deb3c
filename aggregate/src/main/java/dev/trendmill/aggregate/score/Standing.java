package dev.trendmill.aggregate.score;

/** One entity's count, baseline and score over one window: a row of a leaderboard before it is ranked. */
public record Standing(String id, String name, String type, long count, double baseline, double score) {}
