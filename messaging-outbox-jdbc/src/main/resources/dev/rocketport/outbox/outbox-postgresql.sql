-- Rocketport transactional outbox, PostgreSQL. ${table} is the configured table name.
CREATE TABLE IF NOT EXISTS ${table} (
  id BIGSERIAL PRIMARY KEY,
  topic VARCHAR(127) NOT NULL,
  sharding_key VARCHAR(1024),
  tag VARCHAR(255),
  message_keys VARCHAR(8192),
  headers TEXT,
  body BYTEA NOT NULL,
  deliver_at TIMESTAMP WITH TIME ZONE,
  staged_at TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_error VARCHAR(1024),
  sent_at TIMESTAMP WITH TIME ZONE,
  failed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS ${table}_pending ON ${table} (id) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX IF NOT EXISTS ${table}_key ON ${table} (sharding_key, id) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX IF NOT EXISTS ${table}_sent ON ${table} (sent_at);
