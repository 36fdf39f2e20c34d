package io.agentassist.core.assist.offline;

import java.util.Locale;
import java.util.Set;

/**
 * The fixed words around an offline reply, in the customer's language where we have them (English, German,
 * Spanish, French; anything else gets English). None of them states a fact, a number or a promise beyond
 * "I will get back to you": facts only come from quoted passages.
 */
record ReplyWording(
        String greetingWithName,
        String greeting,
        String emailLeadIn,
        String emailOffer,
        String signOff,
        String chatOffer,
        String emailCheckBack,
        String chatCheckBack) {

    private static final ReplyWording ENGLISH = new ReplyWording(
            "Hi %s,",
            "Hello,",
            "Thanks for getting in touch. Here is what I found:",
            "If anything is still unclear, just reply to this e-mail and I will be glad to help.",
            "Best regards,",
            "Is there anything else I can help with?",
            "Thanks for getting in touch. I want to give you an accurate answer, so I am checking this with my"
                    + " colleagues and will get back to you as soon as I can.",
            "Let me check that for you so I can give you an accurate answer. I will get back to you as soon as I can.");

    private static final ReplyWording GERMAN = new ReplyWording(
            "Hallo %s,",
            "Hallo,",
            "vielen Dank für Ihre Nachricht. Hier ist, was ich dazu gefunden habe:",
            "Wenn noch etwas unklar ist, antworten Sie einfach auf diese E-Mail – ich helfe Ihnen gern weiter.",
            "Viele Grüße",
            "Kann ich sonst noch etwas für Sie tun?",
            "vielen Dank für Ihre Nachricht. Damit ich Ihnen eine verlässliche Antwort geben kann, kläre ich das"
                    + " gerade mit meinen Kolleginnen und Kollegen und melde mich so bald wie möglich wieder bei Ihnen.",
            "Ich kläre das kurz für Sie, damit ich Ihnen eine verlässliche Antwort geben kann, und melde mich so"
                    + " bald wie möglich wieder.");

    private static final ReplyWording SPANISH = new ReplyWording(
            "Hola %s,",
            "Hola,",
            "Gracias por ponerse en contacto con nosotros. Esto es lo que he encontrado:",
            "Si algo no queda claro, responda a este correo y le ayudaré con mucho gusto.",
            "Saludos cordiales,",
            "¿Puedo ayudarle en algo más?",
            "Gracias por ponerse en contacto con nosotros. Para darle una respuesta precisa, lo estoy consultando"
                    + " con mis compañeros y le responderé lo antes posible.",
            "Permítame comprobarlo para darle una respuesta precisa. Le responderé lo antes posible.");

    private static final ReplyWording FRENCH = new ReplyWording(
            "Bonjour %s,",
            "Bonjour,",
            "Merci de nous avoir contactés. Voici ce que j'ai trouvé :",
            "Si quelque chose n'est pas clair, répondez simplement à cet e-mail : je vous aiderai volontiers.",
            "Cordialement,",
            "Puis-je vous aider pour autre chose ?",
            "Merci de nous avoir contactés. Afin de vous donner une réponse fiable, je vérifie ce point auprès de"
                    + " mes collègues et je reviens vers vous dès que possible.",
            "Je vérifie ce point pour vous donner une réponse fiable et je reviens vers vous dès que possible.");

    /** Words before a name that are not the first name. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir",
            "madam", "herr", "frau", "sr", "sra", "srta", "señor", "señora", "don", "doña", "m", "mme", "mlle");

    /** The wording for a BCP 47 language tag ("de", "de-AT", "es_MX"); English when unknown or empty. */
    static ReplyWording forLanguage(String languageTag) {
        String language = languageTag == null ? ""
                : Locale.forLanguageTag(languageTag.strip().replace('_', '-')).getLanguage();
        return switch (language) {
            case "de" -> GERMAN;
            case "es" -> SPANISH;
            case "fr" -> FRENCH;
            default -> ENGLISH;
        };
    }

    /** "Hi Maria," for a known first name, else the greeting without a name. */
    String greet(String fullName) {
        String first = firstName(fullName);
        return first.isEmpty() ? greeting : greetingWithName.formatted(first);
    }

    /**
     * The first name to greet someone by: "Maria" for "Maria Lopez", "Dr. Maria Lopez" and "Lopez, Maria";
     * nothing for an e-mail address or a bare initial, where a name-less greeting reads better than a guess.
     * A name typed all in one case is capitalised ("MARIA" → "Maria").
     */
    static String firstName(String fullName) {
        String name = fullName == null ? "" : fullName.strip();
        if (name.isEmpty() || name.contains("@")) {
            return "";
        }
        int comma = name.indexOf(',');
        if (comma > 0 && comma < name.length() - 1) {
            name = name.substring(comma + 1).strip();
        }
        for (String word : name.split("\\s+")) {
            String bare = word.replace(".", "");
            if (bare.isEmpty() || TITLES.contains(bare.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (bare.length() == 1 || !Character.isLetter(bare.charAt(0))) {
                return "";
            }
            boolean oneCase = bare.equals(bare.toLowerCase(Locale.ROOT)) || bare.equals(bare.toUpperCase(Locale.ROOT));
            return oneCase ? capitalised(bare) : bare;
        }
        return "";
    }

    private static String capitalised(String word) {
        StringBuilder out = new StringBuilder(word.length());
        boolean start = true;
        for (char c : word.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == '-' || c == '\'';
        }
        return out.toString();
    }
}
