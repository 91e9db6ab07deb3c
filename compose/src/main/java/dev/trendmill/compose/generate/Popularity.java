package dev.trendmill.compose.generate;

/**
 * How often an entity is named over the generated span, as a relative weight at a point {@code x} in [0, 1) of the
 * span. The planted patterns are what the trend view must find: a burst must lead the short horizons at the end, a
 * steady or decaying entity must not.
 */
public enum Popularity {
  /** The same weight all along: the long-horizon leaders. */
  STEADY,
  /** Grows linearly from nothing to twice the steady weight. */
  RISING,
  /** Rare, then very frequent in the last {@link #BURST_SHARE} of the span. */
  BURST,
  /** Starts at three times the steady weight and decays to almost nothing. */
  DECAYING,
  /** The long tail: named now and then. */
  BACKGROUND;

  /** The share of the span, at its end, that a burst covers. */
  public static final double BURST_SHARE = 0.03;

  public double weight(double x) {
    return switch (this) {
      case STEADY -> 1.0;
      case RISING -> 2.0 * x;
      case BURST -> x >= 1.0 - BURST_SHARE ? 12.0 : 0.05;
      case DECAYING -> 3.0 * Math.exp(-5.0 * x);
      case BACKGROUND -> 0.15;
    };
  }
}
