package io.agentassist.app.review;

import atlantafx.base.theme.Styles;
import io.agentassist.app.workspace.Shortcut;
import io.agentassist.app.workspace.WorkspaceView;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The team lead's mode switch in the window's header, "Agent | Review | Dashboard" (Alt+1, 2, 3): the same
 * window shows the agent workspace, the review workspace or the dashboard. Shown only to leads; in team mode
 * the database still decides what a login may read.
 */
public final class LeadModes {
    public static final String AGENT_ID = "mode-agent";
    public static final String REVIEW_ID = "mode-review";
    public static final String DASHBOARD_ID = "mode-dashboard";

    /** The window's modes. */
    public enum Mode {
        AGENT,
        REVIEW,
        DASHBOARD
    }

    private final WorkspaceView workspace;
    private final ReviewView review;
    private final DashboardView dashboard;
    private final ReviewViewModel reviewModel;
    private final DashboardViewModel dashboardModel;
    private final ToggleGroup group = new ToggleGroup();
    private Parent reviewNode;
    private Parent dashboardNode;

    public LeadModes(WorkspaceView workspace, ReviewViewModel reviewModel, DashboardViewModel dashboardModel) {
        this.workspace = workspace;
        this.reviewModel = reviewModel;
        this.dashboardModel = dashboardModel;
        this.review = new ReviewView(reviewModel);
        this.dashboard = new DashboardView(dashboardModel);
    }

    /** Puts the switch into the workspace's header; call after the workspace view is built. */
    public void install() {
        var agent = toggle("Agent", AGENT_ID, Mode.AGENT, Shortcut.MODE_AGENT, Styles.LEFT_PILL);
        var reviewing = toggle("Review", REVIEW_ID, Mode.REVIEW, Shortcut.MODE_REVIEW, Styles.CENTER_PILL);
        var charts = toggle("Dashboard", DASHBOARD_ID, Mode.DASHBOARD, Shortcut.MODE_DASHBOARD, Styles.RIGHT_PILL);
        agent.setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one mode is always on
            } else {
                show((Mode) now.getUserData());
            }
        });
        var box = new HBox(agent, reviewing, charts);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("mode-switch");
        workspace.addHeaderControl(box);
    }

    /** The mode shortcuts and Ctrl+S (save the review, in review mode). */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(Shortcut.MODE_AGENT.keys(), () -> select(Mode.AGENT));
        scene.getAccelerators().put(Shortcut.MODE_REVIEW.keys(), () -> select(Mode.REVIEW));
        scene.getAccelerators().put(Shortcut.MODE_DASHBOARD.keys(), () -> select(Mode.DASHBOARD));
        scene.getAccelerators().put(Shortcut.SAVE_REVIEW.keys(), () -> {
            if (current() == Mode.REVIEW) {
                review.save();
            }
        });
    }

    public void select(Mode mode) {
        group.getToggles().stream().filter(t -> t.getUserData() == mode).findFirst()
                .ifPresent(t -> t.setSelected(true));
    }

    public Mode current() {
        return group.getSelectedToggle() == null ? Mode.AGENT : (Mode) group.getSelectedToggle().getUserData();
    }

    private void show(Mode mode) {
        switch (mode) {
            case AGENT -> workspace.showInstead(null);
            case REVIEW -> {
                if (reviewNode == null) {
                    reviewNode = review.build();
                }
                workspace.showInstead(reviewNode);
                reviewModel.refresh();
                review.focusTable();
            }
            case DASHBOARD -> {
                if (dashboardNode == null) {
                    dashboardNode = dashboard.build();
                }
                workspace.showInstead(dashboardNode);
                dashboardModel.refresh();
            }
        }
    }

    private ToggleButton toggle(String text, String id, Mode mode, Shortcut shortcut, String pill) {
        var button = new ToggleButton(text);
        button.setId(id);
        button.setUserData(mode);
        button.setToggleGroup(group);
        button.getStyleClass().addAll(pill, Styles.SMALL);
        button.setTooltip(new Tooltip(shortcut.keys().getDisplayText()));
        button.setFocusTraversable(false);
        return button;
    }
}
