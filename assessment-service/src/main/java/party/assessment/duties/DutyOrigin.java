package party.assessment.duties;

/** Where a line of a responsibility list came from. */
public enum DutyOrigin {
    /** drawn from the leader's post when it was taken: the secretary's 亲身 duties, 一岗双责, the post's party duties */
    POST("岗位职责"),
    /** drawn from a task of the task list issued to the unit, on its 第一责任人 until the unit assigns it */
    TASK("任务清单"),
    /** added by the unit itself */
    UNIT("本单位补充");

    private final String label;

    DutyOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
