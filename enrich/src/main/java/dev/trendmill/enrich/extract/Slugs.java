package dev.trendmill.enrich.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/** Entity ids: {@code <type>:<slug>}, the slug derived from the canonical name. */
public final class Slugs {
    private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");

    private Slugs() {}

    /**
     * The slug of a name: lower-cased ({@link Locale#ROOT}), every run of characters other than
     * {@code [a-z0-9]} replaced by '-', leading and trailing '-' removed. "Red Hat" → "red-hat".
     * May be empty when the name has no ASCII letter or digit.
     */
    public static String slug(String name) {
        String s = NON_SLUG.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '-') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '-') {
            to--;
        }
        return s.substring(from, to);
    }

    /** The entity id for a type and a name: {@code <type>:<slug(name)>}. */
    public static String id(String type, String name) {
        return type + ":" + slug(name);
    }
}
