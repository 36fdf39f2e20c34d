package io.agentassist.app.review;

import atlantafx.base.theme.Styles;
import io.agentassist.core.model.Channel;
import io.agentassist.core.model.FlagKind;
import io.agentassist.core.review.Rating;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The filter controls both review modes show, bound to the one {@link ReviewFilterModel}. */
final class ReviewFilterBar {
    static final String AGENT_ID = "filter-agent";
    static final String FROM_ID = "filter-from";
    static final String TO_ID = "filter-to";
    static final String CHANNEL_ID = "filter-channel";
    static final String FLAG_ID = "filter-flag";
    static final String RATING_ID = "filter-rating";

    /** One entry of a choice: a label and the value it stands for (null: any). */
    record Option<T>(String label, T value) {
        @Override
        public String toString() {
            return label;
        }
    }

    private ReviewFilterBar() {
    }

    /** The bar; {@code idPrefix} keeps the ids of the two modes' bars apart ("" or "dash-"). */
    static HBox build(ReviewFilterModel filter, String idPrefix) {
        var agent = new ComboBox<Option<String>>();
        agent.setId(idPrefix + AGENT_ID);
        Runnable agents = () -> {
            List<Option<String>> options = new ArrayList<>();
            options.add(new Option<>("All agents", null));
            filter.agents().forEach(name -> options.add(new Option<>(name, name)));
            agent.getItems().setAll(options);
            select(agent, filter.agentProperty().get());
        };
        filter.agents().subscribe(agents);
        agents.run();
        bind(agent, filter.agentProperty());

        var from = new DatePicker();
        from.setId(idPrefix + FROM_ID);
        from.valueProperty().bindBidirectional(filter.fromProperty());
        var to = new DatePicker();
        to.setId(idPrefix + TO_ID);
        to.valueProperty().bindBidirectional(filter.toProperty());
        for (DatePicker picker : List.of(from, to)) {
            picker.setPrefWidth(140);
            picker.setShowWeekNumbers(false);
            picker.setConverter(new javafx.util.converter.LocalDateStringConverter(
                    java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        }

        var channel = choice(idPrefix + CHANNEL_ID, "All channels", List.of(Channel.values()),
                c -> c == Channel.EMAIL ? "E-mail" : "Chat", filter.channelProperty());
        var flag = choice(idPrefix + FLAG_ID, "Any flag", List.of(FlagKind.values()),
                kind -> capitalised(ReviewFormat.flag(kind)), filter.flagProperty());
        var rating = choice(idPrefix + RATING_ID, "Any rating", List.of(Rating.values()),
                r -> r == Rating.NONE ? "No rating" : capitalised(ReviewFormat.rating(r)), filter.ratingProperty());

        var clear = new Button("Clear");
        clear.getStyleClass().add(Styles.FLAT);
        clear.setTooltip(new Tooltip("Every agent, channel, flag and rating (the dates stay)"));
        clear.setOnAction(e -> filter.clearCriteria());

        var dash = new Label("–");
        var bar = new HBox(8, agent, from, dash, to, channel, flag, rating, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("review-filter");
        return bar;
    }

    private static <T> ComboBox<Option<T>> choice(String id, String any, List<T> values, Function<T, String> label,
                                                  ObjectProperty<T> property) {
        var box = new ComboBox<Option<T>>();
        box.setId(id);
        List<Option<T>> options = new ArrayList<>();
        options.add(new Option<>(any, null));
        values.forEach(v -> options.add(new Option<>(label.apply(v), v)));
        box.getItems().setAll(options);
        bind(box, property);
        return box;
    }

    private static <T> void bind(ComboBox<Option<T>> box, ObjectProperty<T> property) {
        select(box, property.get());
        box.valueProperty().addListener((o, was, now) -> {
            T value = now == null ? null : now.value();
            if (!Objects.equals(property.get(), value)) {
                property.set(value);
            }
        });
        property.addListener((o, was, now) -> select(box, now));
    }

    private static <T> void select(ComboBox<Option<T>> box, T value) {
        ObservableList<Option<T>> items = box.getItems();
        items.stream().filter(o -> Objects.equals(o.value(), value)).findFirst().ifPresent(option -> {
            if (box.getValue() != option) {
                box.setValue(option);
            }
        });
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
