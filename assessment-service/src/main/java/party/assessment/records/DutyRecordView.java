package party.assessment.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import party.assessment.duties.DutyView;
import party.assessment.persons.Post;

/**
 * A duty record as its unit and the committees above see it, names beside codes.
 *
 * @param editableUntil the last day it may be changed, withdrawn or given evidence
 * @param fulfils       the duty of the responsibility list it fulfils (with its task, if it is a task's), or null
 */
public record DutyRecordView(UUID id, UUID person, String personName, String unit, String unitName, Post post,
                             String postLabel, String kind, String kindName, LocalDate happenedOn, Integer participants,
                             String summary, boolean late, String lateReason, LocalDate editableUntil, boolean withdrawn,
                             String withdrawnReason, DutyView fulfils, String recordedBy, Instant recordedAt,
                             long version, List<File> evidence) {

    public record File(UUID id, String fileName, String mediaType, long size, String sha256, Instant uploadedAt) {
    }
}
