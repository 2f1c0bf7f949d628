package org.nianbao.sim.model;

/** A file linked from a report's detail page (附件). {@code id} is farm-wide (used by /download?id=N). */
public record Attachment(int id, DocForm form, String stem, String displayName) {}
