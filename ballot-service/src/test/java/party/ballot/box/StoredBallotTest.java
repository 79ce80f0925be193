package party.ballot.box;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.ballot.tally.Mark;

class StoredBallotTest {

    @Test
    void marksAreStoredAsJsonAndReadBackAsTheyWereWhateverTheSubjectsAreCalled() throws Exception {
        var marks = List.of(new Mark("county-1", "好"), new Mark("a \"quoted\" \\ name", "较好"),
                new Mark("line\nbreak\ttab\u0001", "一般"), new Mark("张三", "差"));

        String json = StoredBallot.marksJson(marks);

        JsonNode parsed = new ObjectMapper().readTree(json);
        assertThat(parsed.size()).isEqualTo(4);
        assertThat(parsed.get(1).get("subject").asText()).isEqualTo("a \"quoted\" \\ name");
        assertThat(parsed.get(2).get("subject").asText()).isEqualTo("line\nbreak\ttab\u0001");
        assertThat(StoredBallot.marks(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(marks);
        assertThat(StoredBallot.marksJson(List.of())).isEqualTo("[]");
    }
}
