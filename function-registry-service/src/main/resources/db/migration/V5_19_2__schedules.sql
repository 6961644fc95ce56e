-- EventBridge Scheduler schedules in the default group (issue 19), with their target as one JSON document.
CREATE TABLE schedule (
    name                    VARCHAR(64)    NOT NULL PRIMARY KEY,
    group_name              VARCHAR(64)    NOT NULL,
    schedule_expression     VARCHAR(256)   NOT NULL,
    timezone                VARCHAR(50)    NOT NULL,
    start_date              TIMESTAMP WITH TIME ZONE,
    end_date                TIMESTAMP WITH TIME ZONE,
    state                   VARCHAR(16)    NOT NULL,
    description             VARCHAR(512),
    flexible_mode           VARCHAR(16)    NOT NULL,
    flexible_window_minutes INTEGER,
    target                  VARCHAR(300000) NOT NULL,
    action_after_completion VARCHAR(16)    NOT NULL,
    client_token            VARCHAR(64),
    scheduled_since         TIMESTAMP WITH TIME ZONE NOT NULL,
    active_since            TIMESTAMP WITH TIME ZONE NOT NULL,
    creation_date           TIMESTAMP WITH TIME ZONE NOT NULL,
    last_modified           TIMESTAMP WITH TIME ZONE NOT NULL,
    entity_version          BIGINT         NOT NULL
);
