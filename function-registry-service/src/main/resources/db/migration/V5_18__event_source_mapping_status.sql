-- What the pollers of event-source-service last reported about a mapping (LastProcessingResult).
ALTER TABLE event_source_mapping ADD COLUMN last_processing_result VARCHAR(256);
