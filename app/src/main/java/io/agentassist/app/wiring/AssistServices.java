package io.agentassist.app.wiring;

import io.agentassist.core.assist.guardrails.DraftGuardrails;
import io.agentassist.core.assist.guardrails.GuardrailSettings;
import io.agentassist.core.assist.offline.ExtractiveSummarizer;
import io.agentassist.core.assist.offline.OfflineReplyDrafter;
import io.agentassist.core.assist.reply.KnowledgeGapRecorder;
import io.agentassist.core.assist.reply.RephraseService;
import io.agentassist.core.assist.reply.SuggestedReplyService;
import io.agentassist.core.assist.summary.CaseSummaryService;
import io.agentassist.core.config.AssistConfig;
import io.agentassist.core.knowledge.KnowledgeSearch;
import io.agentassist.core.llm.LanguageModel;
import io.agentassist.core.persistence.JdbcReviewStore;
import io.agentassist.core.review.GapArticleDrafter;
import io.agentassist.core.review.GapGrouping;
import io.agentassist.core.review.ReviewDesk;
import java.time.ZoneId;
import io.agentassist.core.llm.LanguageModels;
import io.agentassist.core.model.AgentProfile;
import io.agentassist.core.persistence.Database;
import io.agentassist.core.persistence.DatabaseSettings;
import io.agentassist.core.persistence.JdbcKnowledgeGapLog;
import io.agentassist.core.persistence.JdbcReviewStore;
import io.agentassist.core.persistence.KnowledgeGap;
import io.agentassist.core.review.GapArticleDrafter;
import io.agentassist.core.review.GapGrouping;
import io.agentassist.core.review.ReviewDesk;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the assistant's services from the configuration: the one place that decides which model, store and
 * guardrail settings are used, with plain constructor injection.
 */
public final class AssistServices {
    private static final Logger LOG = LoggerFactory.getLogger(AssistServices.class);

    private final AssistConfig config;
    private final LanguageModel model;
    private final Clock clock;

    public AssistServices(AssistConfig config, Clock clock) {
        this.config = config;
        this.model = LanguageModels.from(config.model());
        this.clock = clock;
    }

    /**
     * The configured database (as {@code database.user} when set: in a team database, the member's own login), or
     * the embedded one in the data folder.
     *
     * @throws io.agentassist.core.persistence.SchemaNotCurrentException when a team member's login finds the
     *     schema behind; the message says to ask the admin
     */
    public Database openDatabase(Path dataDir) {
        Database database = config.databaseUrl()
                .map(url -> Database.open(new DatabaseSettings(url, config.databaseUser(), config.databasePassword())))
                .orElseGet(() -> Database.openEmbedded(dataDir));
        if (database.isTeamDatabase() && database.teamMember().isEmpty()) {
            LOG.warn("{} is a team database and this login ({}) is not restricted by it (the admin, or a superuser):"
                    + " give every person a login of their own with `assist team add-member`", database,
                    database.settings().user().isEmpty() ? "the driver's default" : database.settings().user());
        }
        return database;
    }

    public SuggestedReplyService suggestions(KnowledgeSearch search, KnowledgeGapRecorder gaps) {
        return new SuggestedReplyService(search, model, guardrails(),
                new OfflineReplyDrafter(), gaps, clock);
    }

    public RephraseService rephrasing() {
        return new RephraseService(model, guardrails(), clock);
    }

    public DraftGuardrails guardrails() {
        return new DraftGuardrails(GuardrailSettings.defaults());
    }

    public boolean modelConfigured() {
        return config.model().isConfigured();
    }

    /** "gpt-4o-mini at api.openai.com", for the window's status line; never the key. */
    public String modelDescription() {
        if (!config.model().isConfigured()) {
            return "offline";
        }
        String host = java.net.URI.create(config.model().baseUrl()).getHost();
        return config.model().modelName() + (host == null ? "" : " at " + host);
    }

    public CaseSummaryService summaries() {
        return new CaseSummaryService(model, new ExtractiveSummarizer());
    }

    /** Knowledge gaps go to the team's database, where the review report reads them. */
    public KnowledgeGapRecorder gapsIn(Database database) {
        JdbcKnowledgeGapLog log = new JdbcKnowledgeGapLog(database);
        return (ticketId, question) -> log.record(new KnowledgeGap(ticketId, question, clock.instant()));
    }

    /**
     * Team-lead review on {@code database}: the table, metrics, reviews, knowledge-gap groups and article drafts
     * (with the configured model, offline without one). {@code zone} dates the drafted articles.
     */
    public ReviewDesk review(Database database, ZoneId zone) {
        return new ReviewDesk(new JdbcReviewStore(database), new GapGrouping(),
                new GapArticleDrafter(model, clock, zone), clock);
    }

    public AgentProfile agent() {
        return new AgentProfile(config.agentName(), config.agentSignature());
    }
}
