package io.agentassist.core.assist.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

    private static boolean supports(String source, String draft) {
        Set<String> keys = Quantities.keysOf(List.of(source));
        List<Quantities.Quantity> found = Quantities.find(draft);
        assertThat(found).as("quantities in %s", draft).isNotEmpty();
        return found.stream().allMatch(q -> Quantities.isSupported(q, keys));
    }

    @Test
    void spellingsOfTheSameAmountSupportEachOther() {
        assertThat(supports("a fee of 49.99 USD", "$49.99")).isTrue();
        assertThat(supports("costs $50.00", "$50")).isTrue();
        assertThat(supports("1.299,00 €", "€1,299")).isTrue();
        assertThat(supports("price 49.99", "$49.99")).isTrue();
    }

    @Test
    void anotherCurrencyOrAmountDoesNot() {
        assertThat(supports("costs €49.99", "$49.99")).isFalse();
        assertThat(supports("costs $49.99", "$4.99")).isFalse();
    }

    @Test
    void durationsMatchWhateverTheSpelling() {
        assertThat(supports("within 2 days", "two days")).isTrue();
        assertThat(supports("a 14-day return window", "14 days")).isTrue();
        assertThat(supports("within 14 days", "two weeks")).isTrue();
        assertThat(supports("3-5 business days", "5 days")).isTrue();
        assertThat(supports("within 14 days", "2 days")).isFalse();
        assertThat(supports("within 14 days", "14 weeks")).isFalse();
    }

    @Test
    void percentagesMatchWhateverTheSpelling() {
        assertThat(supports("a 10% discount", "10 percent")).isTrue();
        assertThat(supports("ten per cent off", "10%")).isTrue();
        assertThat(supports("a 10% discount", "20%")).isFalse();
        assertThat(supports("10 items", "10%")).isFalse();
    }

    @Test
    void datesInCommonFormatsAreTheSameDay() {
        assertThat(supports("on 2025-03-05", "March 5, 2025")).isTrue();
        assertThat(supports("on 5 March 2025", "5th of March")).isTrue();
        assertThat(supports("until March 5", "03/05/2025")).isTrue();
        assertThat(supports("on 2025-03-05", "6 March 2025")).isFalse();
    }

    @Test
    void clockTimesMatchInTwelveAndTwentyFourHourForm() {
        assertThat(supports("open from 9am to 5pm", "9:00 AM")).isTrue();
        assertThat(supports("open until 17:00", "5 pm")).isTrue();
        assertThat(supports("open until 17:00", "6 pm")).isFalse();
    }

    @Test
    void markersLinksEmailsPlaceholdersAndListNumbersAreNotQuantities() {
        assertThat(Quantities.find("1. See [2] at https://x.example/a123 or mail bob99@x.example about [ORDER_7]."))
                .isEmpty();
        assertThat(Quantities.find("We answer 24/7.")).isEmpty();
    }

    @Test
    void aSourcesNumberWordsSupportTheDraftsDigits() {
        assertThat(supports("I took about fifty pictures", "50")).isTrue();
        assertThat(supports("I took about fifty pictures", "15")).isFalse();
    }

    @Test
    void digitsJoinedToAWordAreNotANumber() {
        assertThat(Quantities.find("Our Covid-19 rules and the A-4 form.")).isEmpty();
    }

    @Test
    void identifiersAndPhoneNumbersAreComparedAsWritten() {
        assertThat(supports("your order W123456", "W123456")).isTrue();
        assertThat(supports("call 1-800-555-0100", "1 800 555 0100")).isTrue();
        assertThat(supports("your order W123456", "W123457")).isFalse();
    }
}
