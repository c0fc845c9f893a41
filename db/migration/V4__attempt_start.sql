-- When a candidate first opened each attempt of an assignment. A quiz's time limit counts from
-- here, on the server, so a client cannot claim a later start; reopening the page keeps the time.
CREATE TABLE attempt_start (
    assignment_id BIGINT  NOT NULL,
    student_id    BIGINT  NOT NULL,
    attempt_no    INTEGER NOT NULL,
    started_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT attempt_start_pk PRIMARY KEY (assignment_id, student_id, attempt_no),
    -- An opened but unsubmitted attempt is no result: it goes with its assignment.
    CONSTRAINT attempt_start_assignment_fk FOREIGN KEY (assignment_id) REFERENCES assignment (id) ON DELETE CASCADE,
    CONSTRAINT attempt_start_student_fk FOREIGN KEY (student_id) REFERENCES user_account (id)
);
