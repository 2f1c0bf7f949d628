package org.nianbao.sim.model;

import org.nianbao.sim.Hostile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The farm in one week: every report ever published (removed ones stay, marked), and what the
 * step into this week changed. Immutable; {@link #next} builds the following week.
 */
public record FarmState(int week, List<Report> reports, List<Integer> added, List<Integer> changed, List<Integer> removed) {

    public static FarmState initial(FarmPlan plan) {
        return new FarmState(0, plan.initialReports(), List.of(), List.of(), List.of());
    }

    /** Reports of one site visible this week, newest publication first (as columns list them). */
    public List<Report> visible(int site) {
        return reports.stream().filter(r -> r.site() == site && r.visibleIn(week))
                .sorted(Comparator.comparing(Report::published).reversed().thenComparing(Report::id, Comparator.reverseOrder()))
                .toList();
    }

    public Report byId(int id) {
        for (Report r : reports) if (r.id() == id) return r;
        return null;
    }

    /**
     * One week later: {@code newCount} new reports, one silent edit of an inline-HTML variant, one
     * removal; everything else keeps its bytes. Choices come from {@code seed} and the week.
     */
    public FarmState next(FarmPlan plan, List<String> stems, int newCount, long seed) {
        int w = week + 1;
        Random rnd = new Random(seed * 31 + w);
        List<Site> eligible = plan.sites().stream().filter(s -> !s.has(Hostile.ANTI_BOT)).toList();
        List<Report> all = new ArrayList<>(reports);
        List<Integer> add = new ArrayList<>();
        for (int i = 0; i < newCount && !eligible.isEmpty(); i++) {
            Report r = plan.newReport(eligible.get(rnd.nextInt(eligible.size())).index(), w, stems, rnd);
            if (r != null) {
                all.add(r);
                add.add(r.id());
            }
        }
        // Only plain reports change or vanish: the corpus originals and the hostile ones stay put.
        List<Report> mutable = all.stream().filter(r -> r.visibleIn(week) && r.variant() && r.inline() && !r.disallowed()
                && !plan.sites().get(r.site()).has(Hostile.ANTI_BOT)).toList();
        List<Integer> chg = new ArrayList<>();
        List<Integer> rem = new ArrayList<>();
        if (!mutable.isEmpty()) {
            Report edit = mutable.get(rnd.nextInt(mutable.size()));
            all.set(all.indexOf(edit), edit.editedIn(w));
            chg.add(edit.id());
            if (mutable.size() > 1) {
                Report gone;
                do gone = mutable.get(rnd.nextInt(mutable.size())); while (gone.id() == edit.id());
                all.set(all.indexOf(gone), gone.removedIn(w));
                rem.add(gone.id());
            }
        }
        return new FarmState(w, List.copyOf(all), List.copyOf(add), List.copyOf(chg), List.copyOf(rem));
    }
}
