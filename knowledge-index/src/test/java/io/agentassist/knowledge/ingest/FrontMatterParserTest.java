package io.agentassist.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrontMatterParserTest {

    private static FrontMatter parse(String yaml) throws InvalidFrontMatterException {
        return FrontMatterParser.parse("---\n" + yaml + "---\n\nBody.\n");
    }

    private static void assertRejected(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InvalidFrontMatterException.class).hasMessage(message);
    }

    @Test
    void aFileWithoutFrontMatterHasNone() throws InvalidFrontMatterException {
        assertThat(FrontMatterParser.parse("# Title\n\ntext")).isEqualTo(FrontMatter.NONE);
        assertThat(FrontMatterParser.parse("")).isEqualTo(FrontMatter.NONE);
    }

    @Test
    void quotedValuesLoseTheirQuotesAndKeepTheirColons() throws InvalidFrontMatterException {
        FrontMatter fm = parse("""
                title: "How to Choose: 6 Factors"
                nav_title: '!Bang ''Shortcuts'''
                description: "Line one \\"quoted\\" \\u00e9"
                """);

        assertThat(fm.scalar("title")).isEqualTo("How to Choose: 6 Factors");
        assertThat(fm.scalar("nav_title")).isEqualTo("!Bang 'Shortcuts'");
        assertThat(fm.scalar("description")).isEqualTo("Line one \"quoted\" é");
    }

    @Test
    void plainValuesLoseTheirCommentsAndEmptyValuesAreBlank() throws InvalidFrontMatterException {
        FrontMatter fm = parse("""
                # a comment line
                order: 300 # sorted by this
                title:
                category: Sync & Backup
                """);

        assertThat(fm.scalar("order")).isEqualTo("300");
        assertThat(fm.scalar("title")).isEmpty();
        assertThat(fm.scalar("category")).isEqualTo("Sync & Backup");
        assertThat(fm.scalars()).containsOnlyKeys("order", "category");
    }

    @Test
    void sequencesAreReadInFlowAndBlockStyle() throws InvalidFrontMatterException {
        FrontMatter fm = parse("""
                tags: [billing, "refunds, returns", 'card']
                categories:
                  - Account
                  - "Privacy: data"
                keywords: one, two
                """);

        assertThat(fm.list("tags")).containsExactly("billing", "refunds, returns", "card");
        assertThat(fm.list("categories")).containsExactly("Account", "Privacy: data");
        assertThat(fm.list("keywords")).containsExactly("one", "two");
        assertThat(fm.scalar("tags")).isEmpty();
    }

    @Test
    void blockScalarsAndMultiLineValuesAreJoined() throws InvalidFrontMatterException {
        FrontMatter fm = parse("""
                literal: |
                  first line
                  second line
                folded: >-
                  one
                  two
                long: "starts here
                  and ends here"
                plain: starts
                  continues
                """);

        assertThat(fm.scalar("literal")).isEqualTo("first line\nsecond line");
        assertThat(fm.scalar("folded")).isEqualTo("one two");
        assertThat(fm.scalar("long")).isEqualTo("starts here and ends here");
        assertThat(fm.scalar("plain")).isEqualTo("starts continues");
    }

    @Test
    void nestedMappingsAreAcceptedButNotKept() throws InvalidFrontMatterException {
        FrontMatter fm = parse("""
                seo:
                  title: Other
                  image: "x.png"
                title: Kept
                """);

        assertThat(fm.fields()).containsOnlyKeys("title");
    }

    @Test
    void anUnclosedQuoteIsRejectedNamingItsLine() {
        assertRejected("title: \"Refunds\ncategory: Billing\n", "line 2: double quote is never closed");
    }

    @Test
    void anUnquotedColonSpaceIsRejected() {
        assertRejected("title: Refunds: the rules\n", "line 2: \"Refunds: the rules\" contains \": \"; quote the value");
    }

    @Test
    void otherYamlErrorsAreRejected() {
        assertRejected("title: x\ntitle: y\n", "line 3: duplicate key \"title\"");
        assertRejected("\ttitle: x\n", "line 2: tab used for indentation (YAML allows only spaces)");
        assertRejected("just some words\n", "line 2: expected \"key: value\", found \"just some words\"");
        assertRejected("tags: [a, b\n", "line 2: '[' is never closed");
        assertRejected("tags: [a, b}\n", "line 2: unexpected '}'");
        assertRejected("title: \"x\" y\n", "line 2: unexpected text \"y\" after the closing double quote");
        assertRejected("title: x\n  - item\n", "line 3: unexpected list item \"- item\" under \"title\"");
        assertRejected("title: \"bad \\q escape\"\n", "line 2: unknown escape \"\\q\" in a double-quoted value");
        assertRejected("title: @mention\n", "line 2: a value cannot start with '@' unless quoted");
    }

    @Test
    void frontMatterWithoutAClosingLineIsRejected() {
        assertThatThrownBy(() -> FrontMatterParser.parse("---\ntitle: x\n\nBody text\n"))
                .hasMessage("front matter is not closed (no \"---\" line after the opening one)");
    }
}
