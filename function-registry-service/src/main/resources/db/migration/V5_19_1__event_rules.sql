-- EventBridge schedule rules on the default event bus (issue 19), with their targets as one JSON list.
CREATE TABLE event_rule (
    name                VARCHAR(64)    NOT NULL PRIMARY KEY,
    schedule_expression VARCHAR(256)   NOT NULL,
    state               VARCHAR(16)    NOT NULL,
    description         VARCHAR(512),
    role_arn            VARCHAR(1600),
    targets             VARCHAR(65536) NOT NULL,
    scheduled_since     TIMESTAMP WITH TIME ZONE NOT NULL,
    active_since        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_modified       TIMESTAMP WITH TIME ZONE NOT NULL,
    entity_version      BIGINT         NOT NULL
);
