package io.agentassist.app.cli;

import io.agentassist.app.wiring.AssistServices;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.review.DateRange;
import io.agentassist.core.review.ReviewCsv;
import io.agentassist.core.review.ReviewFilter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code assist review export}: the review table as CSV, one row per reply sent. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Write the replies sent between two dates as CSV.",
        description = {
            "Columns: sent_at, agent, ticket, channel, customer, edit_ratio, bucket, seconds_to_approve, flags, "
                    + "rating, accuracy, policy_compliance, tone, completeness, coaching, ai_text, final_text.",
            "RFC 4180, UTF-8. With --excel the file starts with a byte order mark and cells that would run as "
                    + "formulas are prefixed with an apostrophe, for opening by double-click in a spreadsheet."})
final class ReviewExportCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    ReviewOptions.Dates dates;

    @Mixin
    ReviewOptions.Narrowing narrowing;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write the CSV.")
    Path out;

    @Option(names = "--excel", description = "Byte order mark and formula-safe cells for spreadsheets.")
    boolean excel;

    @Option(names = "--force", description = "Replace FILE.csv if it exists.")
    boolean force;

    ReviewExportCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        DateRange range = dates.range(spec, true);
        ReviewFilter filter = narrowing.filter(range);
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !force) {
            throw new CliError(target + " already exists; add --force to replace it");
        }
        AssistServices services = new AssistServices(env.config(), Clock.systemUTC());
        int rows;
        try (Database database = CliDatabase.open(env, services)) {
            Path parent = target.getParent();
            Files.createDirectories(parent);
            // Written beside the target, then moved: a reader never sees half a file.
            Path partial = Files.createTempFile(parent, "." + target.getFileName(), ".partial");
            try {
                try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    rows = services.review(database, range.zone()).exportCsv(filter,
                            excel ? ReviewCsv.Flavour.EXCEL : ReviewCsv.Flavour.PLAIN, writer);
                }
                if (force) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.move(partial, target);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (FileAlreadyExistsException e) {
            throw new CliError(target + " already exists; add --force to replace it", e);
        } catch (IOException e) {
            throw new CliError("cannot write " + target + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println("Exported " + Text.count(rows, "reply", "replies") + " sent "
                + range.describe() + " (" + range.zone().getId() + ", " + filter.describe() + ") to " + target);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
