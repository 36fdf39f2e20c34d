package io.agentassist.app.review;

import atlantafx.base.theme.Styles;
import io.agentassist.core.review.GapGroup;
import io.agentassist.core.review.ReviewMetrics;
import io.agentassist.core.review.ReviewMetrics.ArticleCount;
import io.agentassist.core.review.ReviewMetrics.FlagCount;
import io.agentassist.core.review.ReviewMetrics.RatioBin;
import io.agentassist.core.review.ReviewMetrics.UsagePeriod;
import io.agentassist.core.review.UsageBucket;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The dashboard: what became of the suggestions over time, how much agents edited, which flags fired, how long
 * approval took, which articles were cited most, and the knowledge gaps with a button that drafts an article
 * for review.
 */
public final class DashboardView {
    public static final String USAGE_CHART_ID = "dashboard-usage";
    public static final String RATIO_CHART_ID = "dashboard-ratios";
    public static final String FLAG_CHART_ID = "dashboard-flags";
    public static final String FIGURES_ID = "dashboard-figures";
    public static final String CITED_ID = "dashboard-cited";
    public static final String GAPS_ID = "dashboard-gaps";
    public static final String STATUS_ID = "dashboard-status";
    /** Longer ranges are charted by week rather than by day. */
    static final int MOST_DAYS_CHARTED = 35;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd MMM", Locale.ENGLISH);

    /** Counts are whole: the axis labels only the whole ticks ("1", "2"), never "1.5". */
    private static final javafx.util.StringConverter<Number> WHOLE_NUMBERS = new javafx.util.StringConverter<>() {
        @Override
        public String toString(Number value) {
            double v = value.doubleValue();
            return v == Math.rint(v) ? Long.toString((long) v) : "";
        }

        @Override
        public Number fromString(String text) {
            return Double.valueOf(text);
        }
    };

    private final DashboardViewModel model;
    private final StackedBarChart<String, Number> usage = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final BarChart<String, Number> ratios = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final BarChart<String, Number> flags = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final HBox figures = new HBox(10);
    private final VBox cited = new VBox(6);
    private final VBox gaps = new VBox(8);

    public DashboardView(DashboardViewModel model) {
        this.model = model;
    }

    public Parent build() {
        usage.setId(USAGE_CHART_ID);
        ratios.setId(RATIO_CHART_ID);
        flags.setId(FLAG_CHART_ID);
        figures.setId(FIGURES_ID);
        cited.setId(CITED_ID);
        gaps.setId(GAPS_ID);
        usage.getStyleClass().add("usage-chart");
        ratios.getStyleClass().add("ratio-chart");
        flags.getStyleClass().add("flag-chart");
        for (XYChart<String, Number> chart : List.of(usage, ratios, flags)) {
            chart.setAnimated(false);
            chart.setLegendVisible(chart == usage);
            ((NumberAxis) chart.getYAxis()).setMinorTickVisible(false);
            ((NumberAxis) chart.getYAxis()).setTickLabelFormatter(WHOLE_NUMBERS);
            chart.setMinHeight(220);
        }
        usage.setPrefHeight(280);
        usage.setCategoryGap(4);
        ratios.setCategoryGap(4);
        ratios.setPrefHeight(240);
        flags.setPrefHeight(240);

        var grid = new GridPane(14, 14);
        var half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().setAll(half, half);
        grid.add(card("Suggestions over time", "Used as is, lightly edited (at most 20 % changed), heavily edited, "
                + "discarded", usage), 0, 0, 2, 1);
        grid.add(card("Edit ratio of sent replies", "Share of the suggestion's text the agent changed", ratios), 0, 1);
        grid.add(card("Guardrail flags by kind", "Suggestions that carried the flag, sent or discarded", flags), 1, 1);
        grid.add(card("Most-cited articles", "Sent replies citing each article", cited), 0, 2);
        grid.add(card("Knowledge gaps", "Questions the knowledge base had no answer for, grouped by similarity. "
                + "A draft is saved for review, never published.", gaps), 1, 2);

        var status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        var content = new VBox(14, figures, grid);
        content.getStyleClass().add("dashboard-content");
        var scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("dashboard-scroll");

        var top = new HBox(8, ReviewFilterBar.build(model.filter(), "dash-"));
        top.getStyleClass().add("review-toolbar");
        var bottom = new HBox(status);
        bottom.getStyleClass().add("review-status");
        var root = new javafx.scene.layout.BorderPane(scroll, top, null, bottom, null);
        root.getStyleClass().addAll("review-mode", "dashboard");
        root.getStylesheets().add(ReviewView.STYLESHEET);

        model.metricsProperty().subscribe(this::show);
        model.gapGroups().subscribe(this::showGaps);
        showGaps();
        return root;
    }

    private void show(ReviewMetrics metrics) {
        if (metrics == null) {
            return;
        }
        showFigures(metrics);
        List<UsagePeriod> periods = metrics.byDay().size() > MOST_DAYS_CHARTED ? metrics.byWeek() : metrics.byDay();
        usage.getData().clear();
        ((CategoryAxis) usage.getXAxis()).getCategories().clear();
        for (UsageBucket bucket : UsageBucket.values()) {
            var series = new XYChart.Series<String, Number>();
            series.setName(capitalised(bucket.label()));
            for (UsagePeriod period : periods) {
                series.getData().add(new XYChart.Data<>(label(period), period.counts().of(bucket)));
            }
            usage.getData().add(series);
        }
        var bins = new XYChart.Series<String, Number>();
        bins.setName("Sent replies");
        for (RatioBin bin : metrics.editRatios()) {
            bins.getData().add(new XYChart.Data<>(Math.round(bin.from() * 100) + "–" + Math.round(bin.to() * 100) + " %",
                    bin.count()));
        }
        ratios.getData().setAll(List.of(bins));
        var kinds = new XYChart.Series<String, Number>();
        kinds.setName("Suggestions");
        for (FlagCount count : metrics.flags()) {
            kinds.getData().add(new XYChart.Data<>(ReviewFormat.flag(count.kind()), count.total()));
        }
        flags.getData().setAll(List.of(kinds));
        if (metrics.flags().isEmpty()) {
            flags.setTitle("No flags in this range");
        } else {
            flags.setTitle(null);
        }
        showCited(metrics);
    }

    private void showFigures(ReviewMetrics metrics) {
        var usageCounts = metrics.usage();
        var times = metrics.timeToApprove();
        var rubric = metrics.rubric();
        figures.getChildren().setAll(
                ReviewView.figure("Suggestions acted on", Integer.toString(usageCounts.total()),
                        usageCounts.sent() + " sent, " + usageCounts.discarded() + " discarded"),
                ReviewView.figure("Used as is", percent(usageCounts.share(UsageBucket.AS_IS)),
                        percent(usageCounts.share(UsageBucket.LIGHT)) + " lightly edited"),
                ReviewView.figure("Discarded", percent(usageCounts.share(UsageBucket.DISCARDED)),
                        percent(usageCounts.share(UsageBucket.HEAVY)) + " heavily edited"),
                ReviewView.figure("Mean time to approve", ReviewFormat.duration(times.mean()),
                        "median " + ReviewFormat.duration(times.median())),
                ReviewView.figure("p90 time to approve", ReviewFormat.duration(times.p90()),
                        "9 in 10 approved within this"),
                ReviewView.figure("Lead reviews", Integer.toString(rubric.reviewed()), rubric.reviewed() == 0
                        ? "none in this range" : String.format(Locale.ROOT, "accuracy %.1f · tone %.1f",
                        rubric.accuracy().orElse(0), rubric.tone().orElse(0))));
    }

    private void showCited(ReviewMetrics metrics) {
        cited.getChildren().clear();
        if (metrics.mostCited().isEmpty()) {
            cited.getChildren().add(ReviewView.muted("No sent reply cited an article."));
            return;
        }
        int most = metrics.mostCited().getFirst().replies();
        int rank = 1;
        for (ArticleCount article : metrics.mostCited()) {
            var title = new Label(rank++ + ". " + article.title());
            title.setTooltip(new Tooltip(article.articleId()));
            title.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(title, Priority.ALWAYS);
            var count = new Label(Integer.toString(article.replies()));
            count.getStyleClass().add(Styles.TEXT_BOLD);
            count.setMinWidth(24);
            count.setAlignment(Pos.CENTER_RIGHT);
            var bar = new ProgressBar(article.replies() / (double) most);
            bar.setPrefWidth(90);
            bar.getStyleClass().add(Styles.SMALL);
            var row = new HBox(8, title, bar, count);
            row.setAlignment(Pos.CENTER_LEFT);
            cited.getChildren().add(row);
        }
    }

    private void showGaps() {
        gaps.getChildren().clear();
        if (model.gapGroups().isEmpty()) {
            gaps.getChildren().add(ReviewView.muted("No knowledge gaps in this range."));
            return;
        }
        for (GapGroup group : model.gapGroups()) {
            var question = new Label("\u201C" + group.representative() + "\u201D");
            question.setWrapText(true);
            question.getStyleClass().add(Styles.TEXT_BOLD);
            var count = ReviewView.chip(group.count() + (group.count() == 1 ? " time" : " times"), "gap-count");
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var draft = new Button("Draft article");
            draft.setId("draft-article-" + group.number());
            draft.getStyleClass().addAll(Styles.SMALL);
            draft.setTooltip(new Tooltip("Draft a knowledge article from the replies agents sent; saved as Markdown in "
                    + model.draftsFolder() + " for review"));
            draft.disableProperty().bind(model.draftingProperty());
            draft.setOnAction(e -> model.draftArticle(group));
            var head = new HBox(8, count, spacer, draft);
            head.setAlignment(Pos.CENTER_LEFT);
            var box = new VBox(4, head, question);
            if (group.variants().size() > 1) {
                var also = ReviewView.muted("Also asked: " + String.join(" · ", group.variants().subList(1,
                        Math.min(group.variants().size(), 4))));
                also.getStyleClass().add(Styles.TEXT_SMALL);
                box.getChildren().add(also);
            }
            box.getStyleClass().add("gap-group");
            gaps.getChildren().add(box);
        }
    }

    private static Node card(String title, String hint, Node body) {
        var heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        var note = ReviewView.muted(hint);
        note.getStyleClass().add(Styles.TEXT_SMALL);
        var card = new VBox(6, heading, note, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        card.getStyleClass().addAll("card", "dashboard-card");
        return card;
    }

    private static String label(UsagePeriod period) {
        return period.first().equals(period.last()) ? DAY.format(period.first()) : period.label();
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
