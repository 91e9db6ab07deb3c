package dev.trendmill.enrich.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trendmill.enrich.extract.CatalogEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the bundled entity catalog from the CNCF Cloud Native Landscape data file ({@code landscape.yml} of
 * {@code cncf/landscape}).
 *
 * <ul>
 *   <li>Items with a {@code project} field (sandbox, incubating, graduated, archived) become {@code project}
 *       entities; other items become {@code product} entities; the items of the "CNCF Members" category become
 *       {@code organization} entities (name without its " (member)" / " (supporter)" / " (contributor)" suffix,
 *       anonymous "Non-Public Organization" placeholders skipped), and so do the few member cards filed under
 *       another category (an item named "Upbound (member)" is the organization Upbound, not a product).</li>
 *   <li>Items of the "Special" category listed as Kubernetes Certified Service Providers "Name (KCSP)" or Training
 *       Partners "Name (KCNTP)" are companies, not products: they become (or are merged into) organizations, with a
 *       {@code certifications} attribute. A listing whose crunchbase URL is a member's is merged into that
 *       member.</li>
 *   <li>A project or product whose crunchbase URL is an organization's gets {@code organization} = that
 *       organization's id (the CNCF itself, owner of record of most projects, is never an owner).</li>
 *   <li>An item listed in several subcategories is merged into one record (first category and name, union of
 *       attributes, first value wins); a product whose slug is also a project's is dropped.</li>
 *   <li>Aliases: for organizations only, the name without a company suffix (Inc., LLC, GmbH, ...).</li>
 * </ul>
 *
 * <p>Usage: {@code LandscapeCatalogGenerator <landscape.yml> <output.jsonl>}.
 */
public final class LandscapeCatalogGenerator {

    public static final String PROJECT = "project";
    public static final String PRODUCT = "product";
    public static final String ORGANIZATION = "organization";

    static final String MEMBERS_CATEGORY = "CNCF Members";
    static final String CNCF_CRUNCHBASE = "https://www.crunchbase.com/organization/cloud-native-computing-foundation";
    static final int MAX_DESCRIPTION = 200;
    static final int MIN_NAME = 2;

    private static final Pattern MEMBER_SUFFIX =
            Pattern.compile("\\s*\\((?:member|supporter|contributor)\\)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CERTIFICATION_SUFFIX = Pattern.compile("\\s*\\((KCSP|KCNTP)\\)\\s*$");
    private static final Pattern COMPANY_SUFFIX = Pattern.compile(
            "(?:\\s*,)?\\s+(?:Inc\\.|Inc|LLC|Ltd\\.|Ltd|GmbH|B\\.V\\.|Corp\\.|Corporation|Co\\.|S\\.A\\.|AG|Limited)\\s*$");

    private LandscapeCatalogGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LandscapeCatalogGenerator <landscape.yml> <output.jsonl>");
            System.exit(2);
        }
        List<CatalogEntry> records;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            records = generate(in);
        }
        Path out = Path.of(args[1]);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writeJsonl(records, w);
        }
        Map<String, Integer> perType = new TreeMap<>();
        records.forEach(r -> perType.merge(r.type(), 1, Integer::sum));
        System.out.println("wrote " + records.size() + " entities to " + out + " " + perType);
    }

    /** Parses a landscape YAML document and derives the catalog, sorted by id. */
    public static List<CatalogEntry> generate(InputStream landscapeYaml) throws IOException {
        return generate(new ObjectMapper(new YAMLFactory()).readTree(landscapeYaml));
    }

    /** Derives the catalog, sorted by id, from a parsed landscape document (its root, with a "landscape" list). */
    public static List<CatalogEntry> generate(JsonNode root) {
        List<Entry> entries = entries(root);
        Map<String, Builder> byId = new LinkedHashMap<>();
        Map<String, String> ownerByCrunchbase = new HashMap<>();

        // 1. member organizations (also the few member cards filed under another category: "Upbound (member)")
        for (Entry e : entries) {
            boolean inMembers = e.category.equals(MEMBERS_CATEGORY);
            if (!(inMembers || MEMBER_SUFFIX.matcher(e.name).find())
                    || e.item.path("unnamed_organization").asBoolean(false)) {
                continue;
            }
            String name = MEMBER_SUFFIX.matcher(e.name).replaceFirst("").strip();
            Builder b = builder(byId, ORGANIZATION, name);
            if (b == null) {
                continue;
            }
            if (inMembers) {
                b.putIfAbsent("membership", e.subcategory);
            }
            b.putIfAbsent("homepage", text(e.item, "homepage_url"));
            registerOwner(ownerByCrunchbase, e.item, b.id);
        }

        // 2. certified service providers and training partners: companies, merged into members where known
        for (Entry e : entries) {
            if (e.category.equals(MEMBERS_CATEGORY)) {
                continue;
            }
            Matcher m = CERTIFICATION_SUFFIX.matcher(e.name);
            if (!m.find()) {
                continue;
            }
            String certification = m.group(1);
            String cb = crunchbase(e.item);
            Builder b = cb == null ? null : byId.get(ownerByCrunchbase.get(cb));
            if (b == null) {
                b = builder(byId, ORGANIZATION, e.name.substring(0, m.start()).strip());
                if (b == null) {
                    continue;
                }
                b.putIfAbsent("homepage", text(e.item, "homepage_url"));
                registerOwner(ownerByCrunchbase, e.item, b.id);
            }
            b.addCertification(certification);
        }

        // 3. projects and products
        for (Entry e : entries) {
            if (e.category.equals(MEMBERS_CATEGORY) || MEMBER_SUFFIX.matcher(e.name).find()
                    || CERTIFICATION_SUFFIX.matcher(e.name).find()) {
                continue;
            }
            String maturity = text(e.item, "project");
            boolean project = maturity != null;
            Builder b = builder(byId, project ? PROJECT : PRODUCT, e.name);
            if (b == null) {
                continue;
            }
            if (project) {
                b.putIfAbsent("maturity", maturity);
            }
            b.putIfAbsent("category", e.category);
            b.putIfAbsent("subcategory", e.subcategory);
            b.putIfAbsent("homepage", text(e.item, "homepage_url"));
            b.putIfAbsent("repository", text(e.item, "repo_url"));
            if (project) {
                String description = text(e.item, "description");
                if (description != null && description.length() < MAX_DESCRIPTION) {
                    b.putIfAbsent("description", description);
                }
                b.putIfAbsent("accepted", text(e.item.path("extra"), "accepted"));
            }
            String cb = crunchbase(e.item);
            if (cb != null && !cb.equals(normalizeUrl(CNCF_CRUNCHBASE))) {
                b.putIfAbsent("organization", ownerByCrunchbase.get(cb));
            }
        }

        List<CatalogEntry> out = new ArrayList<>();
        for (Builder b : byId.values()) {
            if (b.type.equals(PRODUCT) && byId.containsKey(PROJECT + ":" + b.slug)) {
                continue; // the project wins
            }
            out.add(b.build());
        }
        out.sort(Comparator.comparing(CatalogEntry::id));
        return out;
    }

    /** Writes one JSON object per line: {"id","name","type","aliases","attributes"}. */
    public static void writeJsonl(List<CatalogEntry> records, Writer out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        json.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        for (CatalogEntry r : records) {
            out.write(toJson(json, r));
            out.write('\n');
        }
        out.flush();
    }

    /** One record as a single-line JSON object. */
    public static String toJson(CatalogEntry r) {
        return toJson(new ObjectMapper(), r);
    }

    private static String toJson(ObjectMapper json, CatalogEntry r) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = json.getFactory().createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("name", r.name());
            g.writeStringField("type", r.type());
            g.writeArrayFieldStart("aliases");
            for (String a : r.aliases()) {
                g.writeString(a);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("attributes");
            for (Map.Entry<String, String> a : r.attributes().entrySet()) {
                g.writeStringField(a.getKey(), a.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    /** The rule-generated aliases of an organization name: the name without company suffixes, if different. */
    static List<String> organizationAliases(String name) {
        String stripped = name;
        String previous;
        do {
            previous = stripped;
            stripped = COMPANY_SUFFIX.matcher(stripped).replaceFirst("").strip();
        } while (!stripped.equals(previous));
        if (stripped.equals(name) || stripped.length() < MIN_NAME || Slugs.slug(stripped).isEmpty()) {
            return List.of();
        }
        return List.of(stripped);
    }

    // ---------------------------------------------------------------------------------------------------------

    private record Entry(String category, String subcategory, String name, JsonNode item) {
    }

    private static List<Entry> entries(JsonNode root) {
        JsonNode landscape = root.path("landscape");
        if (!landscape.isArray()) {
            throw new IllegalArgumentException("not a landscape document: no 'landscape' list");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode category : landscape) {
            String categoryName = category.path("name").asText("").strip();
            for (JsonNode subcategory : category.path("subcategories")) {
                String subcategoryName = subcategory.path("name").asText("").strip();
                for (JsonNode item : subcategory.path("items")) {
                    String name = text(item, "name");
                    if (name != null) {
                        entries.add(new Entry(categoryName, subcategoryName, name, item));
                    }
                }
            }
        }
        return entries;
    }

    /** The builder for (type, name), created on first use; null when the name is too short to be an entity. */
    private static Builder builder(Map<String, Builder> byId, String type, String name) {
        String slug = Slugs.slug(name);
        if (name.length() < MIN_NAME || slug.isEmpty()) {
            return null;
        }
        return byId.computeIfAbsent(type + ":" + slug, id -> new Builder(id, slug, name, type));
    }

    private static void registerOwner(Map<String, String> ownerByCrunchbase, JsonNode item, String id) {
        String cb = crunchbase(item);
        if (cb != null && !cb.equals(normalizeUrl(CNCF_CRUNCHBASE))) {
            ownerByCrunchbase.putIfAbsent(cb, id);
        }
    }

    private static String crunchbase(JsonNode item) {
        String cb = text(item, "crunchbase");
        return cb == null ? null : normalizeUrl(cb);
    }

    private static String normalizeUrl(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.startsWith("http://") ? "https://" + u.substring("http://".length()) : u;
    }

    /** A non-blank scalar field as stripped text, else null. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static final class Builder {
        final String id;
        final String slug;
        final String name;
        final String type;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final Set<String> certifications = new LinkedHashSet<>();

        Builder(String id, String slug, String name, String type) {
            this.id = id;
            this.slug = slug;
            this.name = name;
            this.type = type;
        }

        void putIfAbsent(String key, String value) {
            if (value != null && !value.isBlank()) {
                attributes.putIfAbsent(key, value);
            }
        }

        void addCertification(String certification) {
            certifications.add(certification);
        }

        CatalogEntry build() {
            Map<String, String> attrs = new LinkedHashMap<>(attributes);
            if (!certifications.isEmpty()) {
                attrs.put("certifications", String.join(",", certifications));
            }
            List<String> aliases = type.equals(ORGANIZATION) ? organizationAliases(name) : List.of();
            return new CatalogEntry(id, name, type, aliases, attrs);
        }
    }
}
