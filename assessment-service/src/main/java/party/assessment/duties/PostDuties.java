package party.assessment.duties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import party.assessment.persons.Post;

/**
 * What a post puts on its holder's responsibility list (docs/domain.md §8): the secretary's four 亲身 duties
 * (「重要工作亲身部署、重大问题亲身过问、重点环节亲身调和、重要案件亲身督办」), a member's 一岗双责 over their business
 * areas, the discipline secretary's 监督责任, and each party-building duty the appointment names, one per line.
 */
public final class PostDuties {

    static final List<String> FIRST_RESPONSIBLE = List.of("重要工作亲身部署", "重大问题亲身过问", "重点环节亲身调和",
            "重要案件亲身督办");

    private PostDuties() {
    }

    /** The duties, in the order the list shows them; {@code partyDuties} split at line breaks and semicolons. */
    public static List<String> of(Post post, String businessAreas, String partyDuties) {
        List<String> duties = new ArrayList<>();
        switch (post) {
            case SECRETARY -> duties.addAll(FIRST_RESPONSIBLE);
            case DISCIPLINE_SECRETARY -> duties.add("履行监督责任，协助党委抓好全面从严治党");
            default -> duties.add(blank(businessAreas) ? "一岗双责：抓好分管领域的党建工作"
                    : "一岗双责：抓好分管领域（" + businessAreas.strip() + "）的党建工作");
        }
        if (!blank(partyDuties)) {
            Arrays.stream(partyDuties.split("[\\r\\n;；]+")).map(String::strip).filter(duty -> !duty.isEmpty())
                    .filter(duty -> !duties.contains(duty)).forEach(duties::add);
        }
        return duties;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
