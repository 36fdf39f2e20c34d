package io.agentassist.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest ("development build" when run from classes), and the Java runtime. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {
            "Agent Assist " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
