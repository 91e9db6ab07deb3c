package dev.trendmill.enrich.extract;

/** One entity found in one article, counted once per article, with how often and how centrally it is named. */
public record ExtractedEntity(
    String id, String name, String type, int mentions, double salience, double confidence) {}
