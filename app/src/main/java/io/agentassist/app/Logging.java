package io.agentassist.app;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sets logging up before anything logs: the log file goes under the data folder (logback.xml reads
 * {@value #LOG_DIR_PROPERTY}), and java.util.logging, which Lucene, ONNX Runtime and JavaFX use, is sent to
 * logback as well, so its INFO chatter lands in the file instead of the terminal.
 */
final class Logging {
    static final String LOG_DIR_PROPERTY = "assist.log.dir";

    private Logging() {
    }

    static void start(AppDirectories directories) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, directories.logDir().toString());
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
