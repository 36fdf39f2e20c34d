package io.agentassist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxCommandTest {
    @TempDir
    Path temp;

    @Test
    void onceImportsTheTicketsThereAndReportsAMalformedFileWithItsReason() throws Exception {
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        Files.writeString(inbox.resolve("t1.json"), """
                {"id":"T-1","subject":"Refund","channel":"chat","customer":{"name":"Ann","email":"ann@example.com"},
                 "messages":[{"from":"customer","text":"Where is my refund?","at":"2026-11-20T09:00:00Z"}]}""");
        Files.writeString(inbox.resolve("bad.json"), "{\"id\": \"T-2\", \"channel\": \"fax\"}");
        CliRunner cli = new CliRunner(temp.resolve("data"));

        var first = cli.run("inbox", "--folder", inbox.toString(), "--once");
        Files.writeString(inbox.resolve("t1-again.json"), """
                {"id":"T-1","subject":"Refund","channel":"chat","customer":{"name":"Ann","email":"ann@example.com"},
                 "messages":[{"from":"customer","text":"Where is my refund?","at":"2026-11-20T09:00:00Z"},
                             {"from":"customer","text":"Any news?","at":"2026-11-20T10:00:00Z"}]}""");
        var second = cli.run("inbox", "--folder", inbox.toString(), "--once");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("T-1: new ticket, 1 new message")
                .contains("failed: bad.json: ").contains("fax");
        assertThat(inbox.resolve("processed/t1.json")).exists();
        assertThat(inbox.resolve("failed/bad.json.error.txt")).exists();
        assertThat(second.out()).contains("T-1: updated, 1 new message").doesNotContain("failed:");
    }
}
