package io.agentassist.core.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void blocksAndBreaksBecomeLinesAndTagsGo() {
        assertThat(HtmlText.toText("<div dir=\"ltr\">Hello,<div><br></div><div>my <b>order</b>\n  is late.</div>"
                + "<p>Regards,<br/>Ann</p></div>"))
                .isEqualTo("Hello,\n\nmy order is late.\n\nRegards,\nAnn");
    }

    @Test
    void entitiesAreDecoded() {
        assertThat(HtmlText.toText("89,90&nbsp;&euro; &amp; 5&#37; off &lt;today&gt; &#x1F4E6; &bogus;"))
                .isEqualTo("89,90 € & 5% off <today> 📦 &bogus;");
    }

    @Test
    void headScriptsStylesCommentsAndQuotedHistoryAreDropped() {
        assertThat(HtmlText.toText("<html><head><title>t</title><style>p{}</style></head><body><!-- hidden -->"
                + "<p>New text</p><script>alert(1)</script>"
                + "<blockquote>old <blockquote>older</blockquote> still old</blockquote><p>After</p></body></html>"))
                .isEqualTo("New text\n\nAfter");
    }

    @Test
    void listItemsGetADash() {
        assertThat(HtmlText.toText("<ul><li>one</li><li>two</li></ul>")).isEqualTo("- one\n- two");
    }

    @Test
    void aLongQuotedHistoryDoesNotOverflowTheStack() {
        String history = "<blockquote>" + "<p>line of an old message</p>".repeat(20_000) + "</blockquote>";

        assertThat(HtmlText.toText("<p>Short answer</p>" + history)).isEqualTo("Short answer");
    }
}
