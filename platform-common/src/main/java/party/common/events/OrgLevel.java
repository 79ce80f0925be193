package party.common.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The tier of a party organization in the hierarchy, from 市委 down to 村(社区)/支部. */
public enum OrgLevel {
    @JsonProperty("city") CITY("市级"),
    /** 县(市、区)委、开发区党工委、市直系统党(工)委、高校党委 */
    @JsonProperty("county") COUNTY("县（市、区）级"),
    /** 乡镇(街道)党(工)委、部门党组 */
    @JsonProperty("township") TOWNSHIP("乡镇（街道）级"),
    /** 村(社区)党组织、党支部 */
    @JsonProperty("grassroots") GRASSROOTS("村（社区）、支部");

    private final String label;

    OrgLevel(String label) {
        this.label = label;
    }

    /** The tier's name as the console and sheets show it. */
    public String label() {
        return label;
    }
}
