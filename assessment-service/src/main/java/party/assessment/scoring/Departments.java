package party.assessment.scoring;

import java.util.Map;

/**
 * The departments that own indicators, by the code a reviewer's token carries and the name committees write (as the
 * console's labels do); a department not named here is written and read by its code.
 */
public final class Departments {

    private static final Map<String, String> NAMES = Map.of("organization", "组织部", "discipline", "纪委监委",
            "propaganda", "宣传部", "united-front", "统战部");

    private Departments() {
    }

    /** 组织部 for organization; an unnamed department's code as it is. */
    public static String name(String code) {
        return code == null ? null : NAMES.getOrDefault(code, code);
    }

    /** organization for 组织部; anything else as it is. */
    public static String code(String name) {
        return name == null ? null : NAMES.entrySet().stream().filter(d -> d.getValue().equals(name))
                .map(Map.Entry::getKey).findFirst().orElse(name);
    }
}
