package org.nianbao.sim.http;

/** Answers requests for one path (or a family of paths) of one site. */
@FunctionalInterface
public interface Route {
    Reply answer(SimRequest request);
}
