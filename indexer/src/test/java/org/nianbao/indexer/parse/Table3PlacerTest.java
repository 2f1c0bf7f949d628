package org.nianbao.indexer.parse;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class Table3PlacerTest {

    private static final List<String> ORDER = Templates.TABLE3_2019.stream().map(RowSpec::key).toList();
    private final Table3Placer placer = new Table3Placer(ORDER, Templates.resultRows(Templates.TABLE3_2019));

    private static Map<String, Long[]> blankRowsExcept(String... keys) {
        Map<String, Long[]> fixed = new LinkedHashMap<>();
        List<String> skip = List.of(keys);
        for (String k : ORDER) if (!skip.contains(k)) fixed.put(k, new Long[7]);
        return fixed;
    }

    @Test
    void placesFiguresWhereTheChecksAllowOnlyOneColumn() {
        // A 法人 applicant in 科研机构 shows up in 新收, 予以公开 and 总计 as the middle figure.
        Map<String, Long[]> fixed = blankRowsExcept("新收", "予以公开", "部分公开", "总计");
        fixed.put("新收", new Long[] {3L, 0L, 2L, 0L, 0L, 0L, 5L});
        Map<String, List<Long>> partial = new LinkedHashMap<>();
        partial.put("予以公开", List.of(1L, 2L, 3L));
        partial.put("部分公开", List.of(2L, 2L));
        partial.put("总计", List.of(3L, 2L, 5L));
        Table3Placer.Outcome out = placer.place(fixed, partial);
        assertThat(out.table().get("总计")).containsExactly(3L, null, 2L, null, null, null, 5L);
        assertThat(out.table().get("予以公开")).containsExactly(1L, null, 2L, null, null, null, 3L);
        assertThat(out.table().get("部分公开")).containsExactly(2L, null, null, null, null, null, 2L);
        assertThat(out.unplaced()).isEmpty();
    }

    @Test
    void leavesAmbiguousFiguresNullKeepsTheRowTotalAndNamesTheCandidates() {
        Map<String, Long[]> fixed = blankRowsExcept("新收", "予以公开", "总计");
        Map<String, List<Long>> partial = new LinkedHashMap<>();
        partial.put("新收", List.of(4L, 1L, 5L));
        partial.put("予以公开", List.of(4L, 1L, 5L));
        partial.put("总计", List.of(4L, 1L, 5L));
        Table3Placer.Outcome out = placer.place(fixed, partial);
        assertThat(out.table().get("新收")).containsExactly(4L, null, null, null, null, null, 5L);
        assertThat(out.unplaced()).hasSize(3).allSatisfy(u -> {
            assertThat(u.value()).isEqualTo(1L);
            assertThat(u.candidateColumns()).containsExactly("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");
        });
        assertThat(out.warnings()).hasSize(3);
    }

    @Test
    void keepsOnlyTheTotalWhenNoPlacementSatisfiesTheChecks() {
        Map<String, Long[]> fixed = blankRowsExcept("新收", "总计");
        fixed.put("总计", new Long[] {9L, 0L, 0L, 0L, 0L, 0L, 9L});
        Map<String, List<Long>> partial = Map.of("新收", List.of(2L, 5L, 7L));
        Table3Placer.Outcome out = placer.place(fixed, partial);
        assertThat(out.table().get("新收")).containsExactly(null, null, null, null, null, null, 7L);
        assertThat(out.unplaced()).extracting(Unplaced::value).containsExactly(2L, 5L);
        assertThat(out.warnings()).singleElement().asString().contains("no placement satisfies the checks");
    }

    @Test
    void listsOnlyPlacementsWhoseRowSumsHold() {
        List<Long[]> rows = Table3Placer.placements(List.of(2L, 1L, 3L));
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r[6]).isEqualTo(3L));
        assertThat(rows.stream().map(Arrays::toString)).doesNotHaveDuplicates();
        assertThat(rows).hasSize(15);
    }
}
