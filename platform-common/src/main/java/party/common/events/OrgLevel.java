package party.common.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The tier of a party organization in the hierarchy, from 市委 down to 村(社区)/支部. */
public enum OrgLevel {
    @JsonProperty("city") CITY,
    /** 县(市、区)委、开发区党工委、市直系统党(工)委、高校党委 */
    @JsonProperty("county") COUNTY,
    /** 乡镇(街道)党(工)委、部门党组 */
    @JsonProperty("township") TOWNSHIP,
    /** 村(社区)党组织、党支部 */
    @JsonProperty("grassroots") GRASSROOTS
}
