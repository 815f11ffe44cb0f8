-- Rocketport idempotency keys, H2. ${table} is the configured table name.
CREATE TABLE IF NOT EXISTS ${table} (
  idempotency_key VARCHAR(767) PRIMARY KEY,
  done BOOLEAN NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS ${table}_expiry ON ${table} (expires_at);
