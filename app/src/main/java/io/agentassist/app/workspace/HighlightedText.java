package io.agentassist.app.workspace;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Turns a search snippet with {@code <b>…</b>} around the matched words into text with those words bold. */
final class HighlightedText {
    static final String MATCH_STYLE = "match";

    private HighlightedText() {
    }

    static TextFlow of(String snippet) {
        List<Node> parts = new ArrayList<>();
        String rest = snippet == null ? "" : snippet;
        while (!rest.isEmpty()) {
            int open = rest.indexOf("<b>");
            int close = open < 0 ? -1 : rest.indexOf("</b>", open);
            if (open < 0 || close < 0) {
                parts.add(plain(rest));
                break;
            }
            if (open > 0) {
                parts.add(plain(rest.substring(0, open)));
            }
            Text match = plain(rest.substring(open + 3, close));
            match.getStyleClass().add(MATCH_STYLE);
            parts.add(match);
            rest = rest.substring(close + 4);
        }
        TextFlow flow = new TextFlow(parts.toArray(Node[]::new));
        flow.getStyleClass().add("snippet");
        return flow;
    }

    private static Text plain(String text) {
        Text node = new Text(text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'"));
        node.getStyleClass().add("snippet-text");
        return node;
    }
}
