package org.nianbao.indexer.extract.layout;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CjkTextTest {
    @Test
    void spacesAtCjkLatinSwitchesAndInJustifiedLinesGo() {
        assertThat(CjkText.closeUp("2020 年 1 月")).isEqualTo("2020年1月");
        assertThat(CjkText.closeUp("治 区 2020 年 政 务 公 开")).isEqualTo("治区2020年政务公开");
        assertThat(CjkText.closeUp("网站（ http://www.pingluo.gov.cn ）查阅")).isEqualTo("网站（http://www.pingluo.gov.cn）查阅");
    }

    @Test
    void spacesBetweenLatinWordsStay() {
        assertThat(CjkText.closeUp("Open Government Information 年度报告")).isEqualTo("Open Government Information年度报告");
    }

    @Test
    void wrappedLinesJoinWithoutASpaceOnlyAtChinese() {
        assertThat(CjkText.joinWrapped("商业企", "业")).isEqualTo("商业企业");
        assertThat(CjkText.joinWrapped("annual", "report")).isEqualTo("annual report");
        assertThat(CjkText.joinWrapped("", "9")).isEqualTo("9");
    }
}
