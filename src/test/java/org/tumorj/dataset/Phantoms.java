package org.tumorj.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;

/** Small phantom studies in memory, shared by the dataset tests (generated once). */
final class Phantoms {
    static final List<PhantomStudy> CT = new ArrayList<>();

    static synchronized List<PhantomStudy> ct() {
        if (CT.isEmpty()) {
            for (int i = 1; i <= 4; i++) {
                CT.add(PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 21, i).withSize(128).withSlices(16)));
            }
        }
        return CT;
    }

    static LoadedStudy loaded(PhantomStudy s) {
        return new LoadedStudy(new Study(s.studyId(), Path.of(s.studyId()), s.patientId()), s.volume(), s.annotations());
    }

    static List<LoadedStudy> loaded() {
        return ct().stream().map(Phantoms::loaded).toList();
    }

    private Phantoms() {}
}
