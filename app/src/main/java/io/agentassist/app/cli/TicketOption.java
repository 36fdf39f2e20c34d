package io.agentassist.app.cli;

import io.agentassist.core.model.Ticket;
import io.agentassist.core.tickets.EmlTicketReader;
import io.agentassist.core.tickets.TicketFileException;
import io.agentassist.core.tickets.TicketJsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --ticket FILE} option: a ticket as JSON or an e-mail as {@code .eml}. */
final class TicketOption {
    @Option(names = "--ticket", required = true, paramLabel = "FILE",
            description = "The ticket: JSON ({\"id\",\"subject\",\"channel\",\"customer\",\"messages\"}) or an .eml file.")
    Path file;

    Ticket read() {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new CliError("no ticket file at " + path);
        }
        try {
            if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml")) {
                return new EmlTicketReader(messageIds -> Optional.empty()).read(path);
            }
            return new TicketJsonReader().read(path);
        } catch (TicketFileException e) {
            throw new CliError(e.getMessage(), e);
        } catch (IOException e) {
            throw new CliError("cannot read the ticket " + path + ": " + e.getMessage(), e);
        }
    }
}
