package org.nianbao.sim.render;

/** The three columns every simulated portal has. */
enum Column {
    NEWS("要闻动态", 1), NOTICE("通知公告", 2), REPORTS("政府信息公开年报", 0);

    final String label;
    final int idOffset;

    Column(String label, int idOffset) {
        this.label = label;
        this.idOffset = idOffset;
    }
}
