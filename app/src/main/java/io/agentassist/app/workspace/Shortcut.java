package io.agentassist.app.workspace;

import javafx.scene.input.KeyCombination;

/**
 * Every keyboard shortcut of the workspace in one list: the window installs them from here and the help
 * overlay lists them from here, so the two cannot disagree.
 */
public enum Shortcut {
    APPROVE_AND_SEND("Shortcut+Enter", "Approve & send the reply"),
    USE_SUGGESTION("Shortcut+U", "Use the suggestion in the editor"),
    REGENERATE("Shortcut+Shift+R", "New suggestion"),
    SHORTER("Shortcut+Shift+S", "Rewrite shorter"),
    FRIENDLIER("Shortcut+Shift+F", "Rewrite friendlier"),
    MORE_FORMAL("Shortcut+Shift+M", "Rewrite more formally"),
    THUMBS_UP("Shortcut+Shift+Up", "Suggestion was helpful"),
    THUMBS_DOWN("Shortcut+Shift+Down", "Suggestion was not helpful"),
    NEXT_TICKET("Alt+Down", "Next ticket in the queue"),
    PREVIOUS_TICKET("Alt+Up", "Previous ticket in the queue"),
    FILTER_QUEUE("Shortcut+F", "Search the queue"),
    SEARCH_ARTICLES("Shortcut+K", "Search the knowledge base"),
    FOCUS_EDITOR("Shortcut+E", "Go to the reply editor"),
    OPEN_CITATION_1("Shortcut+1", "Open citation [1] (2, 3… likewise)"),
    OPEN_CITATION_2("Shortcut+2", null),
    OPEN_CITATION_3("Shortcut+3", null),
    OPEN_CITATION_4("Shortcut+4", null),
    OPEN_CITATION_5("Shortcut+5", null),
    MODE_AGENT("Alt+1", "Team leads: the agent workspace"),
    MODE_REVIEW("Alt+2", "Team leads: review sent replies"),
    MODE_DASHBOARD("Alt+3", "Team leads: the dashboard"),
    SAVE_REVIEW("Shortcut+S", "Review mode: save the review"),
    TOGGLE_DARK("Shortcut+D", "Light / dark theme"),
    SETTINGS("Shortcut+Comma", "Settings"),
    HELP("F1", "This help (also Ctrl+/)"),
    HELP_ALT("Shortcut+Slash", null);

    private final KeyCombination keys;
    private final String description;

    Shortcut(String keys, String description) {
        this.keys = KeyCombination.valueOf(keys);
        this.description = description;
    }

    public KeyCombination keys() {
        return keys;
    }

    /** What the help overlay says; null for variants it does not list separately. */
    public String description() {
        return description;
    }

    public boolean listed() {
        return description != null;
    }
}
