package party.rectification.ledger;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import party.rectification.items.ItemState;
import party.rectification.items.Source;
import party.rectification.items.Warning;

/** The ledger's filters; all optional and combined with "and", always within the caller's scope. */
public class LedgerFilter {

    /** code of a unit: its items and those of every unit below it */
    @QueryParam("unit")
    public String unit;
    @QueryParam("source")
    public Source source;
    @QueryParam("state")
    public ItemState state;
    /** open items of this warning colour today */
    @QueryParam("warning")
    public Warning warning;
    /** true: open items past their deadline */
    @QueryParam("overdue")
    public Boolean overdue;
    /** a person of the registry: the items they are the responsible leader of (问题清单) */
    @QueryParam("person")
    public java.util.UUID person;
    /**
     * a year: the items open at some time in it (found by its end, not closed before it began, not withdrawn), as
     * in a 述职
     */
    @QueryParam("year")
    @Min(2000)
    @Max(2100)
    public Integer year;
    /** words of the problem, the item's number or the responsible leader's name; % and _ are plain characters */
    @QueryParam("q")
    @Size(max = 100)
    public String q;
    @QueryParam("deadlineFrom")
    public LocalDate deadlineFrom;
    @QueryParam("deadlineTo")
    public LocalDate deadlineTo;
}
