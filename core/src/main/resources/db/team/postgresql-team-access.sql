-- Team mode on PostgreSQL: who may read and write what, enforced by the database itself.
--
-- Applied by `assist team setup` (TeamSetup) as the owner of the tables, right after the Flyway migrations, in
-- one transaction. PostgreSQL only: it never runs on H2, and it is not a Flyway migration (see
-- docs/decisions/team-mode-postgresql-roles-and-row-level-security.md). Running it again converges on exactly
-- what is written here: privileges are revoked before they are granted, every policy on these tables is dropped
-- before the policies below are created, functions are replaced.
--
-- Identity is the login role: a row belongs to the person whose login wrote it (session_user, which SET ROLE
-- cannot change). Group roles: assist_agent (every team member) and assist_lead (team leads, who are agents
-- too and also read everybody's work). The table owner (the admin who runs this) is not subject to the
-- policies, and superusers never are: neither is a workstation login.

-- 1. Group roles. Roles are cluster-wide; NOLOGIN, so nobody connects as a group.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'assist_agent') THEN
        CREATE ROLE assist_agent NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'assist_lead') THEN
        CREATE ROLE assist_lead NOLOGIN;
    END IF;
    IF NOT pg_has_role('assist_lead', 'assist_agent', 'USAGE') THEN
        GRANT assist_agent TO assist_lead;
    END IF;
END $$;

-- 2. The database and its schema: members connect and use the schema; nobody but the owner creates anything
--    in them (no tables, no temporary tables), so a workstation login cannot run DDL.
DO $$
BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC, assist_agent, assist_lead', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO assist_agent', current_database());
    EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC, assist_agent, assist_lead', current_schema());
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO assist_agent', current_schema());
END $$;

-- 3. Table privileges: none, then exactly what the app uses. Nobody but the owner deletes anything.
REVOKE ALL ON tickets, messages, drafts, draft_citations, draft_flags, feedback, knowledge_gaps, outbox,
    draft_reviews, flyway_schema_history FROM PUBLIC, assist_agent, assist_lead;

-- The app checks the schema version on start (it never migrates as a member).
GRANT SELECT ON flyway_schema_history TO assist_agent;

-- Tickets and their messages are the team's shared queue: every member reads and writes all of them (no
-- row-level security), through the inbox, the window and the delivery of approved replies.
GRANT SELECT, INSERT, UPDATE ON tickets TO assist_agent;
GRANT SELECT, INSERT ON messages TO assist_agent;

-- Drafts: an agent writes their own and may change only what the app changes. ai_text (what the assistant
-- proposed), the owner and the ticket are never updated.
GRANT SELECT, INSERT ON drafts TO assist_agent;
GRANT UPDATE (state, final_text, first_edit_at, approved_at, sent_at, discarded_at, superseded_at, edit_distance,
    edit_ratio) ON drafts TO assist_agent;
GRANT SELECT, INSERT ON draft_citations TO assist_agent;
GRANT SELECT, INSERT, DELETE ON draft_flags TO assist_agent;   -- the guardrails' flags are replaced after edits
GRANT SELECT, INSERT ON feedback TO assist_agent;

-- The outbox: an agent enqueues their own approvals, and their workstation delivers them and marks them.
GRANT SELECT, INSERT ON outbox TO assist_agent;
GRANT UPDATE (delivered_at, attempts, last_error) ON outbox TO assist_agent;

-- Reviews: written by leads; an agent reads the coaching on their own drafts.
GRANT SELECT ON draft_reviews TO assist_agent;
GRANT INSERT ON draft_reviews TO assist_lead;

-- Knowledge gaps: anyone records one; the lead's report reads them.
GRANT INSERT ON knowledge_gaps TO assist_agent;
GRANT SELECT ON knowledge_gaps TO assist_lead;

-- 4. The owner of a row is stamped by the database. The app passes the name the agent signs with; in team
--    mode the row is recorded as the login's, whatever was passed, so nobody can write a row as someone else.
--    Superusers and roles that bypass row-level security keep what they pass (imports, repairs).
CREATE OR REPLACE FUNCTION assist_stamped_by_team_member() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT pg_has_role(session_user, 'assist_agent', 'USAGE')
           AND NOT EXISTS (SELECT FROM pg_roles WHERE rolname = session_user AND (rolsuper OR rolbypassrls))
    $$;

CREATE OR REPLACE FUNCTION assist_stamp_agent() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF assist_stamped_by_team_member() THEN
            NEW.agent := session_user;
        END IF;
        RETURN NEW;
    END
    $$;

CREATE OR REPLACE FUNCTION assist_stamp_reviewer() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF assist_stamped_by_team_member() THEN
            NEW.reviewer := session_user;
        END IF;
        RETURN NEW;
    END
    $$;

DROP TRIGGER IF EXISTS drafts_stamp_agent ON drafts;
CREATE TRIGGER drafts_stamp_agent BEFORE INSERT ON drafts FOR EACH ROW EXECUTE FUNCTION assist_stamp_agent();
DROP TRIGGER IF EXISTS feedback_stamp_agent ON feedback;
CREATE TRIGGER feedback_stamp_agent BEFORE INSERT ON feedback FOR EACH ROW EXECUTE FUNCTION assist_stamp_agent();
DROP TRIGGER IF EXISTS outbox_stamp_agent ON outbox;
CREATE TRIGGER outbox_stamp_agent BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION assist_stamp_agent();
DROP TRIGGER IF EXISTS draft_reviews_stamp_reviewer ON draft_reviews;
CREATE TRIGGER draft_reviews_stamp_reviewer BEFORE INSERT ON draft_reviews
    FOR EACH ROW EXECUTE FUNCTION assist_stamp_reviewer();

-- 5. When the customer writes again, every open draft of the ticket is superseded, whoever's it is. The app does
--    this for the drafts its user can see; with row-level security those are only their own, so the database
--    does it for all. SECURITY DEFINER with a fixed search_path: it runs as the owner and touches nothing else.
CREATE OR REPLACE FUNCTION assist_supersede_on_customer_message() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    AS $$
    BEGIN
        IF NEW.author = 'CUSTOMER' THEN
            UPDATE drafts SET state = 'SUPERSEDED', superseded_at = clock_timestamp()
            WHERE ticket_id = NEW.ticket_id AND state IN ('SUGGESTED', 'EDITED');
        END IF;
        RETURN NULL;
    END
    $$;
-- Every function here resolves names in this schema only, whoever calls it and whatever their search_path.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION assist_stamped_by_team_member() SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION assist_stamp_agent() SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION assist_stamp_reviewer() SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION assist_supersede_on_customer_message() SET search_path = %I, pg_temp',
            current_schema());
END $$;
REVOKE ALL ON FUNCTION assist_supersede_on_customer_message() FROM PUBLIC;
DROP TRIGGER IF EXISTS messages_customer_supersedes_drafts ON messages;
CREATE TRIGGER messages_customer_supersedes_drafts AFTER INSERT ON messages
    FOR EACH ROW EXECUTE FUNCTION assist_supersede_on_customer_message();

-- 6. Row-level security. ENABLE, not FORCE: the owner runs the migrations, which may have to rewrite every
--    agent's rows, and is never a workstation login. Every policy on these tables is dropped first, so a
--    policy removed from this file disappears from the database too.
ALTER TABLE drafts ENABLE ROW LEVEL SECURITY;
ALTER TABLE draft_citations ENABLE ROW LEVEL SECURITY;
ALTER TABLE draft_flags ENABLE ROW LEVEL SECURITY;
ALTER TABLE feedback ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE draft_reviews ENABLE ROW LEVEL SECURITY;

DO $$
DECLARE
    policy record;
BEGIN
    FOR policy IN
        SELECT policyname, tablename FROM pg_policies
        WHERE schemaname = current_schema()
          AND tablename IN ('drafts', 'draft_citations', 'draft_flags', 'feedback', 'outbox', 'draft_reviews')
    LOOP
        EXECUTE format('DROP POLICY %I ON %I', policy.policyname, policy.tablename);
    END LOOP;
END $$;

-- Drafts: an agent's own; a lead reads all.
CREATE POLICY agent_reads_own_drafts ON drafts FOR SELECT TO assist_agent
    USING (agent = session_user::text);
CREATE POLICY agent_writes_own_drafts ON drafts FOR INSERT TO assist_agent
    WITH CHECK (agent = session_user::text);
CREATE POLICY agent_changes_own_drafts ON drafts FOR UPDATE TO assist_agent
    USING (agent = session_user::text) WITH CHECK (agent = session_user::text);
CREATE POLICY lead_reads_all_drafts ON drafts FOR SELECT TO assist_lead
    USING (true);

-- Citations, flags and feedback belong to their draft. (The sub-query on drafts is itself filtered by the
-- drafts policies, and says "own" explicitly so a lead's extra SELECT right does not widen an agent's writes.)
CREATE POLICY agent_own_citations ON draft_citations FOR ALL TO assist_agent
    USING (EXISTS (SELECT FROM drafts d WHERE d.id = draft_citations.draft_id AND d.agent = session_user::text))
    WITH CHECK (EXISTS (SELECT FROM drafts d WHERE d.id = draft_citations.draft_id AND d.agent = session_user::text));
CREATE POLICY lead_reads_all_citations ON draft_citations FOR SELECT TO assist_lead
    USING (true);

CREATE POLICY agent_own_flags ON draft_flags FOR ALL TO assist_agent
    USING (EXISTS (SELECT FROM drafts d WHERE d.id = draft_flags.draft_id AND d.agent = session_user::text))
    WITH CHECK (EXISTS (SELECT FROM drafts d WHERE d.id = draft_flags.draft_id AND d.agent = session_user::text));
CREATE POLICY lead_reads_all_flags ON draft_flags FOR SELECT TO assist_lead
    USING (true);

CREATE POLICY agent_reads_feedback_on_own_drafts ON feedback FOR SELECT TO assist_agent
    USING (EXISTS (SELECT FROM drafts d WHERE d.id = feedback.draft_id AND d.agent = session_user::text));
CREATE POLICY agent_gives_feedback_on_own_drafts ON feedback FOR INSERT TO assist_agent
    WITH CHECK (agent = session_user::text
        AND EXISTS (SELECT FROM drafts d WHERE d.id = feedback.draft_id AND d.agent = session_user::text));
CREATE POLICY lead_reads_all_feedback ON feedback FOR SELECT TO assist_lead
    USING (true);

-- The outbox: an agent's own approvals (a reply written from scratch has no draft); a lead reads all.
CREATE POLICY agent_reads_own_outbox ON outbox FOR SELECT TO assist_agent
    USING (agent = session_user::text);
CREATE POLICY agent_enqueues_own_approvals ON outbox FOR INSERT TO assist_agent
    WITH CHECK (agent = session_user::text
        AND (draft_id IS NULL
             OR EXISTS (SELECT FROM drafts d WHERE d.id = outbox.draft_id AND d.agent = session_user::text)));
CREATE POLICY agent_delivers_own_outbox ON outbox FOR UPDATE TO assist_agent
    USING (agent = session_user::text) WITH CHECK (agent = session_user::text);
CREATE POLICY lead_reads_all_outbox ON outbox FOR SELECT TO assist_lead
    USING (true);

-- Reviews: an agent reads the coaching on their own drafts and writes none; a lead reads all and writes
-- reviews in their own name.
CREATE POLICY agent_reads_reviews_of_own_drafts ON draft_reviews FOR SELECT TO assist_agent
    USING (EXISTS (SELECT FROM drafts d WHERE d.id = draft_reviews.draft_id AND d.agent = session_user::text));
CREATE POLICY lead_reads_all_reviews ON draft_reviews FOR SELECT TO assist_lead
    USING (true);
CREATE POLICY lead_writes_reviews ON draft_reviews FOR INSERT TO assist_lead
    WITH CHECK (reviewer = session_user::text);
