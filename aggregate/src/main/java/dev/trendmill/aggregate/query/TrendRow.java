package dev.trendmill.aggregate.query;

/** One entity's standing over one horizon, as the view answers it. */
public record TrendRow(int rank, String id, String name, String type, long count, double baseline, double score) {}
