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
 * cannot store or UTF-8 cannot encode (NUL and other control characters but tab and line breaks, lone surrogates).
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

    /** Jackson's own string reading, then a refusal naming the field when the text cannot be stored as it is. */
    static final class TextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            String fault = text == null ? null : fault(text);
            if (fault != null) {
                return (String) context.handleWeirdStringValue(String.class, text, fault);
            }
            return text;
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
