package io.agentassist.app.review;

import io.agentassist.app.tasks.TaskRunner;
import io.agentassist.core.review.DraftReview;
import io.agentassist.core.review.ReviewCsv;
import io.agentassist.core.review.ReviewDesk;
import io.agentassist.core.review.ReviewFilter;
import io.agentassist.core.review.Rubric;
import io.agentassist.core.review.SentReply;
import io.agentassist.core.review.WordDiff;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The review workspace: the table of sent replies the filter selects, the selected reply with its word diff
 * and reviews, the rubric and coaching the lead writes, and the CSV export. Every database call runs through
 * the {@link TaskRunner}; results for a reply the lead has left are dropped.
 */
public final class ReviewViewModel {

    /** The four rubric criteria, in the order the lead scores them. */
    public enum Criterion {
        ACCURACY("Accuracy", "The facts are right and match the knowledge base"),
        POLICY("Policy compliance", "Nothing promised or done that policy does not allow"),
        TONE("Tone", "The register suits the customer and the channel"),
        COMPLETENESS("Completeness", "Every question the customer asked is answered");

        private final String label;
        private final String hint;

        Criterion(String label, String hint) {
            this.label = label;
            this.hint = hint;
        }

        public String label() {
            return label;
        }

        public String hint() {
            return hint;
        }
    }

    private final TaskRunner runner;
    private final ReviewDesk desk;
    private final ReviewFilterModel filter;
    private final String reviewer;
    private final ObservableList<SentReply> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SentReply> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObservableList<WordDiff.Token> diff = FXCollections.observableArrayList();
    private final ObservableList<DraftReview> reviews = FXCollections.observableArrayList();
    private final Map<Criterion, IntegerProperty> scores = new EnumMap<>(Criterion.class);
    private final StringProperty coaching = new SimpleStringProperty(this, "coaching", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper reviewProblem = new ReadOnlyStringWrapper(this, "reviewProblem", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ObjectProperty<ReviewFilter> shown = new SimpleObjectProperty<>(this, "shown");
    private int generation;

    /** @param reviewer who signs the reviews saved here: the lead's name */
    public ReviewViewModel(TaskRunner runner, ReviewDesk desk, ReviewFilterModel filter, String reviewer) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.reviewer = Objects.requireNonNullElse(reviewer, "").strip();
        for (Criterion criterion : Criterion.values()) {
            scores.put(criterion, new SimpleIntegerProperty(this, criterion.name(), 0));
        }
        filter.onChange(this::refresh);
    }

    // Properties

    public ReviewFilterModel filter() {
        return filter;
    }

    /** The sent replies the filter selects, oldest first (the table sorts them as the lead asks). */
    public ObservableList<SentReply> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<SentReply> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public Optional<SentReply> selected() {
        return Optional.ofNullable(selected.get());
    }

    /** The selected reply's word diff: the suggestion against what was sent. */
    public ObservableList<WordDiff.Token> diff() {
        return diff;
    }

    /** Every review of the selected reply, newest first. */
    public ObservableList<DraftReview> reviews() {
        return reviews;
    }

    /** A criterion's score, 1 to 5; 0 while not scored. */
    public IntegerProperty scoreProperty(Criterion criterion) {
        return scores.get(criterion);
    }

    /** The coaching comment the agent will read beside their draft. */
    public StringProperty coachingProperty() {
        return coaching;
    }

    /** What happened last: rows loaded, a review saved, a file exported, or what went wrong. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the review cannot be saved as it is, "" when it can be (or was just saved). */
    public ReadOnlyStringProperty reviewProblemProperty() {
        return reviewProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public String reviewer() {
        return reviewer;
    }

    // Commands

    /** Loads the rows for the current filter (and the agents to choose from); keeps the selection if still there. */
    public void refresh() {
        ReviewFilter current = filter.filter();
        ReviewFilter days = filter.dateFilter();
        int mine = ++generation;
        loading.set(true);
        runner.submit("review rows for " + current.describe(), () -> new Loaded(desk.sentReplies(current),
                desk.sentReplies(days).stream().map(SentReply::agent).collect(
                        java.util.stream.Collectors.toCollection(TreeSet::new))), loaded -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            shown.set(current);
            List<String> agents = new ArrayList<>(loaded.agents());
            if (filter.agentProperty().get() != null && !agents.contains(filter.agentProperty().get())) {
                agents.add(filter.agentProperty().get());
            }
            if (!filter.agents().equals(agents)) {
                filter.agents().setAll(agents);
            }
            String keep = selected().map(SentReply::draftId).orElse(null);
            rows.setAll(loaded.rows());
            status.set(loaded.rows().size() + (loaded.rows().size() == 1 ? " reply" : " replies") + " sent · "
                    + current.describe() + " · " + current.dates().describe());
            Optional<SentReply> again = loaded.rows().stream().filter(r -> r.draftId().equals(keep)).findFirst();
            if (again.isPresent()) {
                selected.set(again.get());
            } else if (keep != null) {
                select(null);
            }
        }, failure -> {
            if (mine == generation) {
                loading.set(false);
                status.set("The sent replies could not be loaded: " + Problems.describe(failure));
            }
        });
    }

    /** Opens a row: its diff and reviews; the rubric starts from the newest review, or blank. */
    public void select(SentReply reply) {
        if (Objects.equals(selected.get(), reply) && reply != null) {
            return;
        }
        selected.set(reply);
        diff.clear();
        reviews.clear();
        reviewProblem.set("");
        if (reply == null) {
            resetRubric(Optional.empty());
            return;
        }
        resetRubric(reply.latestReview());
        runner.submit("open the reply " + reply.draftId(), () -> new Detail(desk.diff(reply),
                desk.reviewsOf(reply.draftId())), detail -> {
            if (selected.get() == reply) {
                diff.setAll(detail.diff().tokens());
                reviews.setAll(detail.reviews());
            }
        }, failure -> status.set("The reply could not be opened: " + Problems.describe(failure)));
    }

    /**
     * Saves the rubric and coaching as a review of the selected reply. Refuses, saying why in
     * {@link #reviewProblemProperty()}, without a reply, with a criterion not scored or without a reviewer name.
     */
    public void saveReview() {
        Optional<SentReply> reply = selected();
        if (reply.isEmpty()) {
            reviewProblem.set("Choose a reply in the table first.");
            return;
        }
        List<String> missing = new ArrayList<>();
        for (Criterion criterion : Criterion.values()) {
            int score = scores.get(criterion).get();
            if (score < Rubric.LOWEST || score > Rubric.HIGHEST) {
                missing.add(criterion.label().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!missing.isEmpty()) {
            reviewProblem.set("Score " + String.join(", ", missing) + " from 1 to 5 before saving.");
            return;
        }
        if (reviewer.isBlank()) {
            reviewProblem.set("No reviewer name is set: add your name in Settings.");
            return;
        }
        Rubric rubric = new Rubric(score(Criterion.ACCURACY), score(Criterion.POLICY), score(Criterion.TONE),
                score(Criterion.COMPLETENESS));
        String comment = coaching.get();
        String draftId = reply.get().draftId();
        reviewProblem.set("");
        status.set("Saving the review…");
        runner.submit("review " + draftId, () -> {
            DraftReview saved = desk.review(draftId, reviewer, rubric, comment);
            return new Saved(saved, desk.sentReply(draftId), desk.reviewsOf(draftId));
        }, saved -> {
            status.set("Review saved: " + ReviewFormat.rubric(saved.review().rubric())
                    + (saved.review().coaching().isEmpty() ? "." : "; " + reply.get().agent()
                    + " sees the coaching on ticket " + reply.get().ticketId() + "."));
            saved.row().ifPresent(row -> {
                boolean open = selected().map(SentReply::draftId).filter(draftId::equals).isPresent();
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i).draftId().equals(draftId)) {
                        rows.set(i, row); // the table may drop its selection while the row is replaced
                    }
                }
                if (open) {
                    selected.set(row);
                    diff.setAll(row.diff().tokens());
                    reviews.setAll(saved.reviews());
                    resetRubric(row.latestReview());
                    reviewProblem.set("");
                }
            });
        }, failure -> {
            reviewProblem.set("Not saved: " + Problems.describe(failure));
            status.set("");
        });
    }

    /**
     * Writes the rows the filter selects to {@code file} as CSV a spreadsheet opens directly (UTF-8 with a byte
     * order mark, formulas neutralised), replacing the file.
     */
    public void exportCsv(Path file) {
        ReviewFilter current = filter.filter();
        status.set("Exporting…");
        runner.submit("export the review table to " + file, () -> {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                return desk.exportCsv(current, ReviewCsv.Flavour.EXCEL, out);
            } catch (IOException e) {
                throw new IOException("could not write " + file + ": " + e.getMessage(), e);
            }
        }, count -> status.set("Exported " + count + (count == 1 ? " reply" : " replies") + " to " + file),
                failure -> status.set("Not exported: " + Problems.describe(failure)));
    }

    private int score(Criterion criterion) {
        return scores.get(criterion).get();
    }

    private void resetRubric(Optional<DraftReview> from) {
        scores.get(Criterion.ACCURACY).set(from.map(r -> r.rubric().accuracy()).orElse(0));
        scores.get(Criterion.POLICY).set(from.map(r -> r.rubric().policyCompliance()).orElse(0));
        scores.get(Criterion.TONE).set(from.map(r -> r.rubric().tone()).orElse(0));
        scores.get(Criterion.COMPLETENESS).set(from.map(r -> r.rubric().completeness()).orElse(0));
        coaching.set(from.map(DraftReview::coaching).orElse(""));
    }

    private record Loaded(List<SentReply> rows, TreeSet<String> agents) {
    }

    private record Detail(WordDiff diff, List<DraftReview> reviews) {
    }

    private record Saved(DraftReview review, Optional<SentReply> row, List<DraftReview> reviews) {
    }
}
