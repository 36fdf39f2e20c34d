package io.agentassist.app.review;

import io.agentassist.app.tasks.TaskRunner;
import io.agentassist.core.llm.Cancellation;
import io.agentassist.core.review.ArticleDraftFolder;
import io.agentassist.core.review.GapArticle;
import io.agentassist.core.review.GapGroup;
import io.agentassist.core.review.ReviewDesk;
import io.agentassist.core.review.ReviewFilter;
import io.agentassist.core.review.ReviewMetrics;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard: core's {@link ReviewMetrics} for the shared filter (usage over time, edit ratios, flags,
 * approval times, most-cited articles), the knowledge gaps of its days grouped by similarity, and drafting an
 * article from a group into the drafts folder, which is never indexed: a person reviews it first.
 */
public final class DashboardViewModel {
    private final TaskRunner runner;
    private final ReviewDesk desk;
    private final ReviewFilterModel filter;
    private final ArticleDraftFolder drafts;
    private final ReadOnlyObjectWrapper<ReviewMetrics> metrics = new ReadOnlyObjectWrapper<>(this, "metrics");
    private final ObservableList<GapGroup> gapGroups = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<Path> lastDraft = new ReadOnlyObjectWrapper<>(this, "lastDraft");
    private final ReadOnlyBooleanWrapper drafting = new ReadOnlyBooleanWrapper(this, "drafting");
    private int generation;

    /** @param drafts where article drafts are saved: {@code <data folder>/article-drafts/} */
    public DashboardViewModel(TaskRunner runner, ReviewDesk desk, ReviewFilterModel filter, ArticleDraftFolder drafts) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        filter.onChange(this::refresh);
    }

    // Properties

    public ReviewFilterModel filter() {
        return filter;
    }

    /** The figures for the filter; null until loaded. */
    public ReadOnlyObjectProperty<ReviewMetrics> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    public Optional<ReviewMetrics> metrics() {
        return Optional.ofNullable(metrics.get());
    }

    /** Knowledge gaps of the filter's days, grouped, largest group first. */
    public ObservableList<GapGroup> gapGroups() {
        return gapGroups;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The article draft saved last, null before any. */
    public ReadOnlyObjectProperty<Path> lastDraftProperty() {
        return lastDraft.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty draftingProperty() {
        return drafting.getReadOnlyProperty();
    }

    public Path draftsFolder() {
        return drafts.folder();
    }

    // Commands

    /** Computes the figures and gap groups for the current filter. */
    public void refresh() {
        ReviewFilter current = filter.filter();
        int mine = ++generation;
        status.set("Counting…");
        runner.submit("dashboard for " + current.describe(), () -> new Loaded(desk.metrics(current),
                desk.gapGroups(current.dates())), loaded -> {
            if (mine != generation) {
                return;
            }
            metrics.set(loaded.metrics());
            gapGroups.setAll(loaded.groups());
            status.set(loaded.metrics().usage().total() + " suggestions acted on · " + current.describe() + " · "
                    + current.dates().describe());
        }, failure -> {
            if (mine == generation) {
                status.set("The dashboard could not be computed: " + Problems.describe(failure));
            }
        });
    }

    /**
     * Drafts a knowledge article for {@code group} from the replies agents sent on its tickets and saves it as
     * Markdown in the drafts folder, reporting the path. An existing draft of the same name is never
     * overwritten: it may hold a reviewer's edits.
     */
    public void draftArticle(GapGroup group) {
        Objects.requireNonNull(group, "group");
        drafting.set(true);
        status.set("Drafting an article for \u201C" + group.representative() + "\u201D…");
        runner.submit("draft an article for gap group " + group.number(), () -> {
            GapArticle article = desk.draftArticle(group, new Cancellation());
            return drafts.save(article);
        }, saved -> {
            drafting.set(false);
            lastDraft.set(saved);
            status.set("Article draft saved for review: " + saved + " (not published, not indexed)");
        }, failure -> {
            drafting.set(false);
            status.set(failure instanceof FileAlreadyExistsException exists
                    ? "Not drafted: " + exists.getFile() + " already exists and was left as it is; move it away "
                            + "to draft again"
                    : "Not drafted: " + Problems.describe(failure));
        });
    }

    private record Loaded(ReviewMetrics metrics, List<GapGroup> groups) {
    }
}
