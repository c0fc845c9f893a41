-- Failed sign-ins per throttle key (username and address, or address alone), shared by every app
-- node so a lockout holds whichever node a request reaches. Keys are SHA-256 hex digests.
CREATE TABLE login_throttle (
    throttle_key  CHAR(64)                    NOT NULL,
    window_start  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    failures      INTEGER                     NOT NULL,
    blocked_until TIMESTAMP(6) WITH TIME ZONE,
    expires_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT login_throttle_pk PRIMARY KEY (throttle_key)
);
CREATE INDEX login_throttle_expires_ix ON login_throttle (expires_at);
