-- Each attempt draws its own numbers: the seed its questions are derived from, recorded when the
-- attempt is first opened and kept with the submission, so a review shows the numbers that attempt
-- had. NULL on rows from before: those attempts drew their numbers from the quiz seed, the student
-- and the slot alone (every attempt the same), and keep doing so.
ALTER TABLE attempt_start ADD COLUMN attempt_seed BIGINT;
ALTER TABLE submission ADD COLUMN attempt_seed BIGINT;
