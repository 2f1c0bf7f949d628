package org.nianbao.sim.model;

/** The forms a report document takes on a portal. */
public enum DocForm {
    HTML("html", "html", "text/html"),
    PDF("pdf", "pdf", "application/pdf"),
    DOC("doc", "doc", "application/msword"),
    DOCX("docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    SCAN_PDF("scan-pdf", "pdf", "application/pdf"),
    TRUNCATED_PDF("pdf", "pdf", "application/pdf"),
    HUGE_PDF("pdf", "pdf", "application/pdf");

    public final String format;
    public final String ext;
    public final String contentType;

    DocForm(String format, String ext, String contentType) {
        this.format = format;
        this.ext = ext;
        this.contentType = contentType;
    }

    /** The corpus file this form is served from. */
    public String corpusFile() {
        return switch (this) {
            case PDF, TRUNCATED_PDF -> "report.pdf";
            case DOC -> "report.doc";
            case DOCX -> "report.docx";
            case SCAN_PDF -> "report.scan.pdf";
            case HTML -> "report.utf8.html";
            case HUGE_PDF -> throw new IllegalStateException("the huge report is generated, not read");
        };
    }
}
