-- Conversations with the concierge: what has been understood so far, every message, every plan and its bundles.
ALTER TABLE agent_sessions ADD COLUMN state jsonb;
ALTER TABLE agent_sessions ADD COLUMN preferences jsonb NOT NULL DEFAULT '{}';
ALTER TABLE agent_sessions ADD COLUMN time_zone text NOT NULL DEFAULT 'America/New_York';
ALTER TABLE agent_sessions ADD COLUMN title text;

CREATE TABLE agent_messages (
  id bigserial PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES agent_sessions (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('traveler', 'agent')),
  text text NOT NULL,
  -- For the agent: the plan it answers with (job id) and the kind of answer.
  payload jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agent_messages_session_idx ON agent_messages (session_id, id);

-- One per job: a chat message's planning, or a structured request's.
CREATE TABLE agent_plans (
  id uuid PRIMARY KEY,
  session_id uuid REFERENCES agent_sessions (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  request jsonb,
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled')),
  outcome jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX agent_plans_session_idx ON agent_plans (session_id, created_at DESC);
CREATE INDEX agent_plans_user_idx ON agent_plans (user_id, created_at DESC);

CREATE TABLE agent_bundles (
  id uuid PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES agent_plans (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  rank smallint NOT NULL,
  label text NOT NULL,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agent_bundles_plan_idx ON agent_bundles (plan_id, rank);
