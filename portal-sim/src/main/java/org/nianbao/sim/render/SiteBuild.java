package org.nianbao.sim.render;

import org.nianbao.sim.FarmTruth;

import java.util.List;

/** One site in one week: what it serves and what a correct crawler should find on it. */
public record SiteBuild(SiteMap map, FarmTruth.HostTruth host, List<FarmTruth.ReportTruth> reports,
                        List<java.net.URI> disallowed, List<FarmTruth.TrapTruth> traps,
                        java.util.Map<Integer, List<java.net.URI>> urlsByReport) {}
