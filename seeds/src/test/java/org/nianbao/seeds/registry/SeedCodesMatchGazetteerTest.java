package org.nianbao.seeds.registry;

import org.junit.jupiter.api.Test;
import org.nianbao.seeds.Unit;
import org.nianbao.seeds.gazetteer.Division;
import org.nianbao.seeds.gazetteer.Gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's division codes were typed in by hand; the gazetteer was generated from a published
 * data set. Every unit's code must name the unit itself and sit under its parent's code.
 */
class SeedCodesMatchGazetteerTest {

    @Test
    void everyBundledUnitsCodeIsTheGazetteersCodeForItsName() {
        Gazetteer gazetteer = Gazetteer.load();
        for (Unit unit : SeedRegistry.bundled().units()) {
            if (unit.level() == Unit.Level.DEPARTMENT) continue;
            Division division = gazetteer.byCode(unit.divisionCode())
                    .orElseThrow(() -> new AssertionError(unit.name() + ": no division with code " + unit.divisionCode()));
            assertThat(division.name()).as("%s has code %s", unit.name(), unit.divisionCode()).isEqualTo(unit.name());
            if (unit.parent() != null) {
                Division parent = gazetteer.byCode(division.parentCode()).orElseThrow();
                assertThat(parent.name()).as("parent of %s", unit.name()).isEqualTo(unit.parent());
            }
        }
    }
}
