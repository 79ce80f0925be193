package party.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Item(String problem, int points) {
    }

    record Unit(String code, String name, String parentCode, String summary) {
    }

    private final ObjectMapper json = new ObjectMapper();

    StrictJsonTest() {
        new StrictJson().customize(json);
    }

    @Test
    void ordinaryTextPassesWithLineBreaksEmojiAndRightToLeftMarks() throws Exception {
        String text = "整改措施：\n1. 立行立改\t✅ 👍🏽 \u200f\u202e";
        assertThat(json.readValue(json.writeValueAsString(new Item(text, 3)), Item.class).problem()).isEqualTo(text);
    }

    @Test
    void textPostgresqlCannotStoreIsRefusedNamingTheField() {
        for (String bad : new String[] {"\\u0000", "a\\u0007b", "\\ud800", "x\\udc00y", "\\ud83d"}) {
            assertThatThrownBy(() -> json.readValue("{\"problem\":\"" + bad + "\",\"points\":1}", Item.class))
                    .isInstanceOfSatisfying(JsonMappingException.class, e ->
                            assertThat(e.getPath().get(0).getFieldName()).isEqualTo("problem"));
        }
    }

    @Test
    void namesAndCodesRefuseDirectionAndInvisibleCharactersThatFreeTextKeeps() throws Exception {
        for (String field : new String[] {"code", "name", "parentCode"}) {
            for (String bad : new String[] {"\\u202e", "\\u200b", "\\u2066", "\\ufeff", "\\u200f"}) {
                assertThatThrownBy(() -> json.readValue("{\"" + field + "\":\"A" + bad + "区委\"}", Unit.class))
                        .isInstanceOfSatisfying(JsonMappingException.class, e ->
                                assertThat(e.getPath().get(0).getFieldName()).isEqualTo(field));
            }
        }
        assertThat(json.readValue("{\"name\":\"A区委\",\"summary\":\"引用 \\u202e 原文\"}", Unit.class).summary())
                .isEqualTo("引用 \u202e 原文");
    }

    @Test
    void hugeStringsAndDeepNestingAreRefusedWhileReading() throws Exception {
        String huge = "x".repeat(StrictJson.MAX_STRING + 1);
        assertThatThrownBy(() -> json.readValue("{\"problem\":\"" + huge + "\"}", Item.class))
                .isInstanceOf(JsonProcessingException.class);
        String deep = "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1);
        assertThatThrownBy(() -> json.readTree(deep)).isInstanceOf(JsonProcessingException.class);
        assertThat(json.readTree("[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH))).isNotNull();
    }
}
