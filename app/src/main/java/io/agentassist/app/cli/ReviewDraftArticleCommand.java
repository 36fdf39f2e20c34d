package io.agentassist.app.cli;

import io.agentassist.app.demo.DemoData;
import io.agentassist.app.wiring.AssistServices;
import io.agentassist.core.config.AssistConfig;
import io.agentassist.core.llm.Cancellation;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.review.ArticleDraftFolder;
import io.agentassist.core.review.DateRange;
import io.agentassist.core.review.GapArticle;
import io.agentassist.core.review.GapGroup;
import io.agentassist.core.review.ReviewDesk;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code assist review draft-article}: a knowledge article drafted for one group of knowledge gaps. */
@Command(name = "draft-article",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Draft a knowledge article for a group of knowledge gaps, for review.",
        description = {
            "Writes a Markdown file with front matter (status: draft, source: knowledge-gap) from the replies "
                    + "agents sent on the group's tickets: with the configured language model, or offline a "
                    + "structured skeleton (question, answer sentences from the replies, open points). Personal "
                    + "data is replaced by placeholders.",
            "Nothing is published or indexed: the folder must lie outside the knowledge folders, and an existing "
                    + "file is never overwritten. Use the same --from/--to as 'assist review gaps' so the group "
                    + "numbers match."})
final class ReviewDraftArticleCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    ReviewOptions.Dates dates;

    @Option(names = "--group", required = true, paramLabel = "N",
            description = "The group's number in 'assist review gaps'.")
    int group;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The folder for drafts under review (created if needed).")
    Path out;

    ReviewDraftArticleCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (group < 1) {
            throw new ParameterException(spec.commandLine(), "--group must be 1 or more, was " + group);
        }
        DateRange range = dates.range(spec, false);
        AssistConfig config = env.config();
        ArticleDraftFolder folder;
        try {
            folder = new ArticleDraftFolder(out, protectedFolders(config));
        } catch (IllegalArgumentException e) {
            throw new CliError(e.getMessage(), e);
        }
        AssistServices services = new AssistServices(config, Clock.systemUTC());
        GapArticle article;
        GapGroup chosen;
        try (Database database = CliDatabase.open(env, services)) {
            ReviewDesk desk = services.review(database, range.zone());
            chosen = desk.gapGroup(range, group);
            article = desk.draftArticle(chosen, new Cancellation());
        } catch (NoSuchElementException e) {
            throw new CliError(e.getMessage(), e);
        }
        Path file;
        try {
            file = folder.save(article);
        } catch (FileAlreadyExistsException e) {
            throw new CliError(e.getFile() + " already exists and was not overwritten: it may hold a reviewer's "
                    + "edits; move it away or choose another --out", e);
        } catch (IOException e) {
            throw new CliError("cannot write the draft into " + folder.folder() + ": " + e.getMessage(), e);
        }
        PrintWriter output = spec.commandLine().getOut();
        output.println("Drafted \"" + article.title() + "\" for group #" + chosen.number() + " ("
                + Text.count(chosen.count(), "question", "questions") + " on "
                + Text.count(chosen.ticketIds().size(), "ticket", "tickets") + ") "
                + (article.mode().equals("model") ? "with the language model" : "as an offline skeleton")
                + article.modelProblem().map(p -> " (the model could not be used: " + p + ")").orElse("") + ":");
        output.println("  " + file);
        output.println("It is a draft: review it, then move it into a knowledge folder yourself. Nothing was indexed.");
        output.flush();
        return 0;
    }

    /** The knowledge folders the index is built from (the demo help centre when none is set) and the index. */
    private List<Path> protectedFolders(AssistConfig config) {
        List<Path> folders = new ArrayList<>(config.knowledgeFolders().isEmpty()
                ? List.of(new DemoData(env.directories().dataDir()).helpCentre())
                : config.knowledgeFolders());
        folders.add(config.indexDir().orElse(env.directories().indexDir()));
        return folders;
    }
}
