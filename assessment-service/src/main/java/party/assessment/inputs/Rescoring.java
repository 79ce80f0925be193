package party.assessment.inputs;

import party.assessment.orgunits.OrgUnit;
import party.assessment.schemes.Scheme;

/**
 * What a changed input sets off: the unit's results follow it in the same transaction. Implemented by the results,
 * which read every input; an input (an entry, a routine check, a sealed session, a rectification event) only says
 * that it changed, so nothing that feeds the results depends on them.
 */
public interface Rescoring {

    /** The unit's result under the scheme from its current inputs; a scheme no longer open keeps the result it has. */
    void rescore(Scheme scheme, OrgUnit unit);

    /** Every unit of an open scheme, after a change of what the scheme counts. */
    void rescoreAll(Scheme scheme);

    /** After an input from another service (a sealed session, a rectification event): every open scheme of the year. */
    void rescoreEverywhere(String unitCode, int year);
}
