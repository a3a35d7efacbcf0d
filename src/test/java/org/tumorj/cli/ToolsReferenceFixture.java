package org.tumorj.cli;

import org.tumorj.phantom.PhantomConfig;

/**
 * A command-line class that reaches into the phantom generator, on purpose: ArchitectureTest
 * shows that its plugin-jar rule reports it. A test fixture, never part of the product.
 */
public final class ToolsReferenceFixture {
    private PhantomConfig config;

    PhantomConfig config() {
        return config;
    }
}
