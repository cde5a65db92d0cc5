-- 004: evaluations. An imported row that matched no enrolled participant keeps the NIP it gave, so that the
-- coordinator can see whom it came from; responses are looked up by participant when someone is unenrolled.
ALTER TABLE response ADD COLUMN respondent_nip TEXT NOT NULL DEFAULT '';
CREATE INDEX response_participant ON response(participant_id) WHERE participant_id IS NOT NULL;
