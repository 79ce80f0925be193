package party.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Limits on what any JSON body may hold, so bad input is refused while it is read (400) rather than failing in
 * PostgreSQL: no string over 100,000 characters, no nesting deeper than 100 levels, no text that PostgreSQL
 * cannot store or UTF-8 cannot encode (NUL and other control characters but tab and line breaks, lone surrogates);
 * and in names, titles and codes, no bidirectional controls or invisible characters, which make one name look like
 * another (a unit "A区委" that reads differently than it sorts). Free text keeps them: Arabic or Uyghur needs them.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final int MAX_STRING = 100_000;
    static final int MAX_DEPTH = 100;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_STRING).maxNestingDepth(MAX_DEPTH).build());
        mapper.registerModule(new SimpleModule("strict-text").addDeserializer(String.class, new TextDeserializer()));
    }

    /**
     * Why {@code text} cannot be stored as it is in {@code field}, or {@code null}: the rule for every text the
     * platform takes, from a JSON body or an uploaded sheet.
     */
    public static String fault(String field, String text) {
        String fault = TextDeserializer.fault(text);
        return fault == null && TextDeserializer.naming(field) ? TextDeserializer.spoofing(text) : fault;
    }

    /** Jackson's own string reading, then a refusal naming the field when the text cannot be stored as it is. */
    static final class TextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            String fault = text == null ? null : StrictJson.fault(parser.currentName(), text);
            if (fault != null) {
                return (String) context.handleWeirdStringValue(String.class, text, fault);
            }
            return text;
        }

        /** Fields that name or identify something people pick from a list: names, titles, codes, units. */
        static boolean naming(String field) {
            return field != null && (field.equals("name") || field.equals("title") || field.equals("code")
                    || field.equals("unit") || field.equals("orgUnit") || field.endsWith("Name") || field.endsWith("Code"));
        }

        static String spoofing(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x200b && c <= 0x200f || c >= 0x202a && c <= 0x202e || c >= 0x2060 && c <= 0x2069
                        || c == 0xfeff) {
                    return "invisible or direction character U+%04X at %d is not allowed in a name or code"
                            .formatted((int) c, i);
                }
            }
            return null;
        }

        static String fault(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                    return "control character U+%04X at %d is not allowed".formatted((int) c, i);
                }
                if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                        || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                    return "lone surrogate U+%04X at %d is not text".formatted((int) c, i);
                }
            }
            return null;
        }
    }
}
