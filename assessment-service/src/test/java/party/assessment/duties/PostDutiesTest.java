package party.assessment.duties;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import party.assessment.persons.Post;

/** What each post puts on its holder's responsibility list (docs/domain.md §8). */
class PostDutiesTest {

    @Test
    void theSecretaryCarriesTheFourDutiesInPerson_thenTheAppointmentsOwn() {
        assertThat(PostDuties.of(Post.SECRETARY, null, "抓好班子建设；\n重要工作亲身部署"))
                .containsExactly("重要工作亲身部署", "重大问题亲身过问", "重点环节亲身调和", "重要案件亲身督办", "抓好班子建设");
    }

    @Test
    void aMemberCarriesPartyBuildingInTheirBusinessAreas() {
        assertThat(PostDuties.of(Post.MEMBER, "经济发展、招商引资", "联系第三党支部; 指导非公党建"))
                .containsExactly("一岗双责：抓好分管领域（经济发展、招商引资）的党建工作", "联系第三党支部", "指导非公党建");
        assertThat(PostDuties.of(Post.ORGANIZATION_MEMBER, " ", null)).containsExactly("一岗双责：抓好分管领域的党建工作");
    }

    @Test
    void theDisciplineSecretaryCarriesSupervision() {
        assertThat(PostDuties.of(Post.DISCIPLINE_SECRETARY, null, null)).containsExactly("履行监督责任，协助党委抓好全面从严治党");
    }
}
