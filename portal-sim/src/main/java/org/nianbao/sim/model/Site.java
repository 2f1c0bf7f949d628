package org.nianbao.sim.model;

import org.nianbao.sim.CmsStyle;
import org.nianbao.sim.Hostile;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;

/** One virtual portal: who it belongs to, how its CMS publishes, which hostile features it carries. */
public record Site(int index, Region region, CmsStyle style, Set<Hostile> features, int columnId,
                   List<Article> articles) {

    public String host() {
        return region.hostName();
    }

    public boolean has(Hostile h) {
        return features.contains(h);
    }

    public boolean gbk() {
        return style == CmsStyle.PAGED_GBK;
    }

    public Charset charset() {
        return gbk() ? Charset.forName("GBK") : java.nio.charset.StandardCharsets.UTF_8;
    }

    /** Attachments through /download?id=N (Content-Disposition) rather than a direct file path. */
    public boolean downloadServlet() {
        return style == CmsStyle.HANWEB || style == CmsStyle.JS_LINKS;
    }
}
