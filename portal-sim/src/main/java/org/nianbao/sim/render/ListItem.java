package org.nianbao.sim.render;

import java.time.LocalDate;

/** One line of a column list: title, link, date. */
record ListItem(String title, String href, LocalDate date) {}
