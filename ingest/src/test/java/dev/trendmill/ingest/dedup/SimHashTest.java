package dev.trendmill.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fingerprint and the banded index: close texts land close, the index finds exactly what is within reach. */
final class SimHashTest {
  private static final String STORY =
      "The Argo project has released a new version of Argo Rollouts, its progressive delivery controller for Kubernetes,"
          + " with support for mirroring a share of production traffic to a canary before any user sees it. Mirroring lets"
          + " teams compare the behaviour of a new version against real requests while the responses of the canary are"
          + " thrown away. The feature works with Istio and in a more limited form with the NGINX ingress controller.";

  @Test
  void normalizationIgnoresCaseAccentsAndPunctuation() {
    assertThat(SimHash.words("Café, CAFE; café!")).containsExactly("cafe", "cafe", "cafe");
    assertThat(SimHash.of(STORY)).isEqualTo(SimHash.of(STORY.toUpperCase().replace(",", " ;")));
  }

  @Test
  void aLightEditIsCloseAndAnotherTextIsFar() {
    long original = SimHash.of(STORY);
    long edited = SimHash.of(STORY.replaceFirst("progressive", "continuous"));
    long other = SimHash.of("Kubernetes 1.30 removes the last in-tree cloud providers and graduates several scheduling features to stable, the release team said on Tuesday after a delayed release cycle.");

    assertThat(SimHash.distance(original, edited)).isLessThanOrEqualTo(8);
    assertThat(SimHash.distance(original, other)).isGreaterThan(16);
  }

  @Test
  void theIndexFindsTheEarliestWithinTheDistanceAndForgetsExpiredEntries() {
    NearDuplicates index = new NearDuplicates(3);
    long base = 0b1011L << 40 | 0xF0F0L;
    index.add(new NearDuplicates.Entry("late", base ^ 0b1, 20));
    index.add(new NearDuplicates.Entry("early", base ^ 0b110, 10));
    index.add(new NearDuplicates.Entry("far", ~base, 5));

    assertThat(index.nearest(base)).map(NearDuplicates.Entry::id).contains("early");
    assertThat(index.nearest(base ^ 0b1111_0000_0000L)).isEmpty(); // 4 bits away from all
    assertThat(index.expire(15)).containsExactlyInAnyOrder("early", "far");
    assertThat(index.nearest(base)).map(NearDuplicates.Entry::id).contains("late");
    assertThat(index.size()).isEqualTo(1);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 3, 6, 8, 12})
  void theIndexFindsWhatABruteForceScanFindsWhileEntriesExpireAndSlotsAreReused(int maxDistance) {
    java.util.Random random = new java.util.Random(3 + maxDistance);
    NearDuplicates index = new NearDuplicates(maxDistance);
    List<NearDuplicates.Entry> all = new java.util.ArrayList<>();
    for (int i = 0; i < 6000; i++) {
      long fingerprint = random.nextLong();
      if (i % 3 == 0 && !all.isEmpty()) { // a near copy of a kept one, up to a few bits beyond the distance
        fingerprint = all.get(random.nextInt(all.size())).fingerprint();
        for (int flip = random.nextInt(maxDistance + 4); flip > 0; flip--) {
          fingerprint ^= 1L << random.nextInt(64);
        }
      }
      long probe = fingerprint;
      // The earliest seen within the distance, ties to the lower id (seen times repeat: i / 2).
      Optional<String> expected =
          all.stream()
              .filter(e -> SimHash.distance(e.fingerprint(), probe) <= maxDistance)
              .min(java.util.Comparator.comparingLong(NearDuplicates.Entry::seenAt).thenComparing(NearDuplicates.Entry::id))
              .map(NearDuplicates.Entry::id);
      assertThat(index.nearest(fingerprint).map(NearDuplicates.Entry::id)).as("probe %d", i).isEqualTo(expected);
      NearDuplicates.Entry entry = new NearDuplicates.Entry("a" + (6000 - i), fingerprint, i / 2);
      all.add(entry);
      index.add(entry);
      index.add(entry); // the same article again (a restart's replay) takes no second slot
      if (i % 1000 == 999) { // keep the last 700 seen times: the freed slots are reused by the next thousand
        long cutoff = i / 2 - 700;
        List<String> gone = all.stream().filter(e -> e.seenAt() < cutoff).map(NearDuplicates.Entry::id).toList();
        assertThat(index.expire(cutoff)).as("expired before %d", cutoff).containsExactlyInAnyOrderElementsOf(gone);
        all.removeIf(e -> e.seenAt() < cutoff);
      }
      assertThat(index.size()).isEqualTo(all.size());
    }
    for (NearDuplicates.Entry kept : all) {
      assertThat(index.nearest(kept.fingerprint())).isPresent();
    }
  }

  @Test
  void theHandWrittenScannerAgreesWithTheRegularExpressionsItReplacedOnRandomText() {
    // The definition it replaced, kept here as the reference: words by regex, shingles hashed as joined strings.
    java.util.regex.Pattern word = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+");
    java.util.regex.Pattern marks = java.util.regex.Pattern.compile("\\p{M}+");
    // ASCII, accents precomposed and combining, ligatures and full-width forms (NFKD changes them), other scripts,
    // numbers of other categories (Roman numerals and superscripts, which NFKD turns into ASCII; runic and Tibetan
    // ones, which it keeps), modifier letters, a letter outside the BMP, an emoji, marks of each kind.
    String[] pieces = {
      "a", "Z", "7", " ", ",", "-", "\n", "é", "e\u0301", "\ufb01", "\uff21", "\u0130", "\u03a3", "\u05d0", "\u4e2d",
      "\u2163", "\u00b2", "\u0663", "\ud835\udc00", "\u20dd", "\u0903", "\u02b0", "\u00aa", "\ud83d\udc69", "\u00df", "\u16ee", "\u0f33", "\u3005"
    };
    java.util.Random random = new java.util.Random(17);
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      boolean asciiOnly = n % 2 == 0;
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(asciiOnly ? 7 : pieces.length)]);
      }
      String input = text.toString();
      String folded = marks.matcher(java.text.Normalizer.normalize(input, java.text.Normalizer.Form.NFKD)).replaceAll("").toLowerCase(java.util.Locale.ROOT);
      List<String> expected = new java.util.ArrayList<>();
      java.util.regex.Matcher matcher = word.matcher(folded);
      while (matcher.find()) {
        expected.add(matcher.group());
      }
      assertThat(SimHash.words(input)).as("words of %s", input.chars().mapToObj(Integer::toHexString).toList()).isEqualTo(expected);

      int[] votes = new int[64];
      if (expected.size() < SimHash.SHINGLE && !expected.isEmpty()) {
        vote(votes, shingleHash(String.join(" ", expected)));
      }
      for (int i = 0; i + SimHash.SHINGLE <= expected.size(); i++) {
        vote(votes, shingleHash(expected.get(i) + ' ' + expected.get(i + 1) + ' ' + expected.get(i + 2)));
      }
      long fingerprint = 0;
      for (int bit = 0; bit < 64; bit++) {
        fingerprint |= votes[bit] > 0 ? 1L << bit : 0;
      }
      assertThat(SimHash.fingerprint(input)).as("fingerprint of %s", input).isEqualTo(new SimHash.Fingerprint(fingerprint, expected.size()));
      int split = input.isEmpty() ? 0 : random.nextInt(input.length());
      String title = input.substring(0, split);
      String body = input.substring(split);
      assertThat(SimHash.fingerprint(title, body)).as("fingerprint of %s and %s", title, body).isEqualTo(SimHash.fingerprint(title + "\n" + body));
    }
  }

  @Test
  void bitSlicedCountsVoteAsOneCounterPerBitWould() {
    java.util.Random random = new java.util.Random(5);
    for (int n : new int[] {1, 2, 3, 4, 7, 8, 63, 64, 65, 255, 256, 1000, 4096, 5000}) {
      for (int round = 0; round < 20; round++) {
        SimHash.BitCounts counts = new SimHash.BitCounts();
        int[] votes = new int[64];
        // Few distinct hashes at small n, so that ties (as many set as clear: the bit stays clear) come up.
        long[] pool = {random.nextLong(), random.nextLong(), random.nextLong(), -1L, 0L};
        for (int i = 0; i < n; i++) {
          long hash = round % 2 == 0 ? random.nextLong() : pool[random.nextInt(pool.length)];
          counts.add(hash);
          vote(votes, hash);
        }
        long expected = 0;
        for (int bit = 0; bit < 64; bit++) {
          expected |= votes[bit] > 0 ? 1L << bit : 0;
        }
        assertThat(counts.majority()).as("%d hashes, round %d", n, round).isEqualTo(expected);
      }
    }
  }

  /** The shingle hash as defined before it was computed over word offsets: FNV-1a over the string, then SplitMix64. */
  private static long shingleHash(String shingle) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < shingle.length(); i++) {
      h = (h ^ shingle.charAt(i)) * 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }

  private static void vote(int[] votes, long hash) {
    for (int bit = 0; bit < 64; bit++) {
      votes[bit] += ((hash >>> bit) & 1) == 1 ? 1 : -1;
    }
  }
}
