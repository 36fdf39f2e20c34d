package io.agentassist.app.cli;

import io.agentassist.app.KnowledgeIndexFolder;
import io.agentassist.knowledge.index.KnowledgeIndexUnavailableException;
import io.agentassist.knowledge.search.LuceneKnowledgeSearch;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option shared by the commands that read an index, and opening it. */
final class IndexOption {
    // The default is the user's data folder; AssistCli supplies it so that help shows the real path.
    @Option(names = "--index", paramLabel = "DIR",
            description = {"Knowledge index folder.", "Default: ${DEFAULT-VALUE}"})
    Path dir;

    Path dir() {
        return dir.toAbsolutePath().normalize();
    }

    /** Opens the index for searching, or explains in one line why it cannot. */
    LuceneKnowledgeSearch openForSearch() {
        Path indexDir = dir();
        switch (KnowledgeIndexFolder.check(indexDir)) {
            case ABSENT -> throw new CliError("no knowledge index at " + indexDir + ": run `assist kb index` first");
            case NOT_A_FOLDER -> throw new CliError(
                    "no knowledge index at " + indexDir + ": it is a file, not a folder");
            case UNREADABLE -> throw new CliError(
                    "cannot read the knowledge index at " + indexDir + ": permission denied");
            case PRESENT -> {
                // open it below
            }
        }
        try {
            return LuceneKnowledgeSearch.open(indexDir);
        } catch (KnowledgeIndexUnavailableException e) {
            throw new CliError(e.getMessage(), e);
        } catch (IOException e) {
            throw new CliError("cannot open the knowledge index at " + indexDir + ": " + e.getMessage(), e);
        }
    }
}
