package org.nianbao.seeds.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.seeds.Unit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedRegistryTest {

    @Test
    void bundledNingxiaHas28UnitsAllMarkedUnverifiedAndValidates() {
        SeedRegistry registry = SeedRegistry.bundled();
        assertThat(registry.entries()).hasSize(28);
        assertThat(registry.units()).hasSize(28).noneMatch(Unit::verified);
        Unit yinchuan = registry.units().stream().filter(u -> u.name().equals("银川市")).findFirst().orElseThrow();
        assertThat(yinchuan.level()).isEqualTo(Unit.Level.CITY);
        assertThat(yinchuan.parent()).isEqualTo("宁夏回族自治区");
        assertThat(yinchuan.divisionCode()).isEqualTo("640100");
        assertThat(yinchuan.reportColumns()).hasSize(5);
        assertThat(yinchuan.allowedHosts()).contains("www.yinchuan.gov.cn", "*.yinchuan.gov.cn");
        Unit xixia = registry.units().stream().filter(u -> u.name().equals("西夏区")).findFirst().orElseThrow();
        assertThat(xixia.home()).isNull();
        assertThat(registry.validate()).allMatch(p -> p.severity() == SeedProblem.Severity.WARNING)
                .anyMatch(p -> p.unit().equals("西夏区"));
    }

    @Test
    void everyJsonFileInTheDataFolderIsBundled() throws IOException {
        Path data = Path.of(System.getProperty("user.dir"), "data");
        try (Stream<Path> s = Files.list(data)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .containsExactlyInAnyOrderElementsOf(SeedRegistry.bundledFileNames());
        }
    }

    @Test
    void validateFlagsDuplicatesUnknownParentsAndMalformedUrlsButKeepsTheRest(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.json"), """
                {"units": [
                  {"name": "甲省", "level": "province", "parent": null, "home": "http://www.jia.gov.cn/", "divisionCode": "110000"},
                  {"name": "乙市", "level": "city", "parent": "甲省", "home": "http://www.yi.gov.cn/"},
                  {"name": "乙市", "level": "city", "parent": "甲省", "home": "http://www.yi2.gov.cn/"},
                  {"name": "丙县", "level": "county", "parent": "丁市", "home": "http://www.bing.gov.cn/"},
                  {"name": "戊县", "level": "county", "parent": "乙市", "home": "www.wu.gov.cn"},
                  {"name": "己县", "level": "county", "parent": "乙市", "home": "http://www.yi.gov.cn"},
                  {"name": "庚局", "level": "bureau", "parent": "乙市", "home": "http://gj.gov.cn/"}
                ]}""");
        SeedRegistry registry = SeedRegistry.load(dir);
        assertThat(registry.entries()).hasSize(7);
        assertThat(registry.units()).extracting(Unit::name).containsExactly("甲省", "乙市", "乙市", "丙县", "戊县", "己县");
        assertThat(registry.validate()).extracting(SeedProblem::toString).anySatisfy(s -> assertThat(s).contains("乙市").contains("duplicate unit name"))
                .anySatisfy(s -> assertThat(s).contains("丙县").contains("unknown parent '丁市'"))
                .anySatisfy(s -> assertThat(s).contains("戊县").contains("malformed home URL"))
                .anySatisfy(s -> assertThat(s).contains("己县").contains("duplicate home URL"))
                .anySatisfy(s -> assertThat(s).contains("庚局").contains("unknown level 'bureau'"));
    }

    @Test
    void aFileThatIsNotASeedFileFailsWithOneClearLine(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("x.json"), "{\"region\": \"x\"}");
        assertThatThrownBy(() -> SeedRegistry.load(f)).isInstanceOf(SeedFileException.class)
                .hasMessage("x.json has no \"units\" array");
    }
}
