package org.nianbao.seeds.gazetteer;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.load();

    @Test
    void placesACountyUnderItsCityAndProvince() {
        Place p = gazetteer.place("平罗县人民政府办公室").orElseThrow();
        assertThat(p).isEqualTo(new Place("宁夏回族自治区", "石嘴山市", "平罗县", "640221", Division.Level.COUNTY));
    }

    @Test
    void placesACountyLevelCityUnderItsPrefecture() {
        Place p = gazetteer.place("灵武市人民政府").orElseThrow();
        assertThat(p).isEqualTo(new Place("宁夏回族自治区", "银川市", "灵武市", "640181", Division.Level.COUNTY));
    }

    @Test
    void placesAPrefectureCityWithoutCounty() {
        Place p = gazetteer.place("吴忠市人民政府办公室").orElseThrow();
        assertThat(p).isEqualTo(new Place("宁夏回族自治区", "吴忠市", null, "640300", Division.Level.CITY));
        assertThat(gazetteer.place("中卫市人民政府办公室").orElseThrow().city()).isEqualTo("中卫市");
        assertThat(gazetteer.place("固原市人民政府").orElseThrow().code()).isEqualTo("640400");
    }

    @Test
    void placesAProvincialAgency() {
        Place p = gazetteer.place("宁夏回族自治区人民政府办公厅").orElseThrow();
        assertThat(p).isEqualTo(new Place("宁夏回族自治区", null, null, "640000", Division.Level.PROVINCE));
    }

    @Test
    void resolvesARepeatedCountyNameByTheCityNamedWithIt() {
        assertThat(gazetteer.named("朝阳区")).hasSizeGreaterThan(1);
        assertThat(gazetteer.place("朝阳区人民政府")).isEmpty();
        Place beijing = gazetteer.place("北京市朝阳区人民政府").orElseThrow();
        assertThat(beijing.province()).isEqualTo("北京市");
        assertThat(beijing.city()).isEqualTo("北京市");
        assertThat(beijing.county()).isEqualTo("朝阳区");
        Place changchun = gazetteer.place("长春市朝阳区人民政府").orElseThrow();
        assertThat(changchun.province()).isEqualTo("吉林省");
        assertThat(changchun.city()).isEqualTo("长春市");
    }

    @Test
    void placesASubordinateDepartmentByItsCounty() {
        Place p = gazetteer.place("石嘴山市平罗县 教育局").orElseThrow();
        assertThat(p.county()).isEqualTo("平罗县");
        assertThat(p.city()).isEqualTo("石嘴山市");
    }

    @Test
    void findsNothingInANameWithoutDivision() {
        assertThat(gazetteer.place("国务院办公厅")).isEmpty();
        assertThat(gazetteer.place(null)).isEmpty();
    }

    @Test
    void coversAllProvincesCitiesAndCountiesWithCodes() {
        assertThat(gazetteer.byCode("64").orElseThrow().name()).isEqualTo("宁夏回族自治区");
        assertThat(gazetteer.byCode("640200").orElseThrow().name()).isEqualTo("石嘴山市");
        assertThat(gazetteer.byCode("640221").orElseThrow().parentCode()).isEqualTo("6402");
        assertThat(gazetteer.named("海淀区")).singleElement().extracting(Division::code).isEqualTo("110108");
    }

    @Test
    void rejectsAMalformedResourceWithTheLine() {
        byte[] bad = "64\t宁夏回族自治区\tstate\t\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Gazetteer.read(new ByteArrayInputStream(bad)))
                .isInstanceOf(IOException.class).hasMessageContaining("宁夏回族自治区");
    }

    @Test
    void listsEveryDivisionNameATextMentions() {
        assertThat(gazetteer.namesIn("石嘴山市平罗县与银川市 灵武市的报告，平罗县"))
                .containsExactly("石嘴山市", "平罗县", "银川市", "灵武市", "平罗县");
        assertThat(gazetteer.namesIn(null)).isEmpty();
    }
}
