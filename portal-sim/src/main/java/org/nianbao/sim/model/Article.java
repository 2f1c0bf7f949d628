package org.nianbao.sim.model;

import java.time.LocalDate;

/** An ordinary page: a news item or a notice (通知公告). */
public record Article(int id, boolean notice, String title, LocalDate date) {}
