package org.nianbao.indexer.index;

import org.apache.lucene.facet.FacetsConfig;

import java.util.List;
import java.util.Set;

/** The index's field names: which are Chinese text, which are exact keywords, which are facets. */
public final class ReportFields {

    public static final String ID = "id";
    public static final String TEXT = "text";
    public static final String TITLE = "title";
    public static final String AGENCY = "agency";
    /** Province, city and county names as text, so {@code region:吴忠} finds every report of 吴忠市. */
    public static final String REGION = "region";
    public static final String YEAR = "year";
    /** Keyword: the URL of each of the report's originals. */
    public static final String URL = "url";
    /** The whole record as JSON (text excluded: it is stored once, in {@link #TEXT}). */
    public static final String RECORD = "_record";

    /** Analysed Chinese text: bigrams in the field itself, words in its {@code _smart} twin. */
    public static final List<String> TEXT_FIELDS = List.of(TEXT, TITLE, AGENCY, REGION);

    /** Exact-match fields: the query term must equal the value (enumerations are lower case). */
    public static final Set<String> KEYWORD_FIELDS = Set.of(ID, "admin_level", "agency_kind", "template", "status",
            "checks", "format", "province", "city", "county", "division_code", URL, "sha256");

    /** Keyword fields whose values are lower-case enumerations, so queries are case-insensitive there. */
    public static final Set<String> ENUM_FIELDS = Set.of("admin_level", "agency_kind", "template", "status",
            "checks", "format");

    /** Fields figures can be summed by ({@link #YEAR} and single-valued keywords with doc values). */
    public static final List<String> GROUP_FIELDS = List.of(YEAR, "province", "city", "county", "admin_level",
            "agency_kind", "template", "status", "checks");

    /** Facet dimensions, in the order a sidebar shows them. */
    public static final List<String> FACETS = List.of("region", "admin_level", "agency_kind", "year", "format",
            "template", "checks", "status");

    /** {@code checks} facet values. */
    public static final String CHECKS_PASS = "pass";
    public static final String CHECKS_FAIL = "fail";

    private ReportFields() {
    }

    /** The facet configuration; index and search must agree on it. */
    public static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setHierarchical("region", true);
        config.setMultiValued("format", true);
        return config;
    }
}
