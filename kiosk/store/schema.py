"""Schema migrations, applied in order; `PRAGMA user_version` records how far a file has come."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the first schema.
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE signing_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        private_key BLOB NOT NULL
    );
    CREATE TABLE sessions (
        session_id TEXT PRIMARY KEY,
        title_en TEXT,
        title_ko TEXT,
        date TEXT NOT NULL,
        start TEXT NOT NULL,
        "end" TEXT NOT NULL,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        venue TEXT,
        room TEXT NOT NULL,
        capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
        access TEXT NOT NULL CHECK (access IN ('open', 'invite_only')),
        organizer TEXT,
        interpretation TEXT
    );
    CREATE INDEX sessions_by_date ON sessions(date, start_ms);
    CREATE INDEX sessions_by_room ON sessions(room, start_ms);
    -- Speakers may be named before they are imported: no foreign key to attendees.
    CREATE TABLE session_speakers (
        session_id TEXT NOT NULL REFERENCES sessions(session_id) ON DELETE CASCADE,
        registration_id TEXT NOT NULL,
        PRIMARY KEY (session_id, registration_id)
    ) WITHOUT ROWID;
    CREATE INDEX speakers_by_person ON session_speakers(registration_id);
    CREATE TABLE attendees (
        registration_id TEXT PRIMARY KEY,
        family_name TEXT,
        given_name TEXT,
        name_local TEXT,
        organization TEXT,
        title TEXT,
        country TEXT,
        category TEXT NOT NULL,
        email_hash TEXT,
        language TEXT,
        status TEXT NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'cancelled')),
        external_code TEXT UNIQUE,
        external_code_revoked INTEGER NOT NULL DEFAULT 0,
        badge_privacy INTEGER NOT NULL DEFAULT 0,
        accessibility TEXT,
        code_version INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX attendees_by_email ON attendees(email_hash);
    CREATE TABLE invitations (
        session_id TEXT NOT NULL REFERENCES sessions(session_id) ON DELETE CASCADE,
        registration_id TEXT NOT NULL REFERENCES attendees(registration_id),
        PRIMARY KEY (session_id, registration_id)
    ) WITHOUT ROWID;
    CREATE INDEX invitations_by_person ON invitations(registration_id);
    -- Every code ever issued: reissues revoke the versions below the attendee's current one.
    CREATE TABLE code_issues (
        registration_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        issued_ms INTEGER NOT NULL,
        PRIMARY KEY (registration_id, version)
    ) WITHOUT ROWID;
    -- The append-only log of every scan and check-in. Who is inside, counts and histories are
    -- derived from it. session_id NULL is an arrival at the event (self check-in).
    CREATE TABLE checkins (
        id INTEGER PRIMARY KEY,
        event_uid TEXT NOT NULL UNIQUE,
        device TEXT NOT NULL,
        device_seq INTEGER NOT NULL,
        registration_id TEXT,
        session_id TEXT,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        at_ms INTEGER NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('admit', 'deny')),
        reason TEXT NOT NULL,
        override_reason TEXT,
        code_version INTEGER,
        UNIQUE (device, device_seq)
    );
    CREATE INDEX checkins_admits ON checkins(session_id, registration_id, at_ms)
        WHERE verdict = 'admit';
    CREATE INDEX checkins_by_time ON checkins(at_ms);
    CREATE TRIGGER checkins_append_only_update BEFORE UPDATE ON checkins
    BEGIN SELECT RAISE(ABORT, 'check-ins are append-only'); END;
    CREATE TRIGGER checkins_append_only_delete BEFORE DELETE ON checkins
    BEGIN SELECT RAISE(ABORT, 'check-ins are append-only'); END;
    """,
    # 2: every badge print, so a reprint can warn and the day report can count badges.
    """
    CREATE TABLE badge_prints (
        id INTEGER PRIMARY KEY,
        registration_id TEXT NOT NULL,
        code_version INTEGER NOT NULL,
        device TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        printer TEXT,
        layout TEXT NOT NULL,
        job TEXT,
        status TEXT NOT NULL CHECK (status IN ('sent', 'printed', 'failed')),
        message TEXT
    );
    CREATE INDEX badge_prints_by_person ON badge_prints(registration_id, at_ms);
    CREATE INDEX badge_prints_by_time ON badge_prints(at_ms);
    """,
    # 3: the text of each issued code, so a device without the signing key can print a badge.
    """
    ALTER TABLE code_issues ADD COLUMN code TEXT;
    """,
    # 4: sync between the organiser and devices (kiosk/sync). Check-ins that came from elsewhere
    # keep the device's own time (at_ms) and get the time this database received them and from
    # whom (`source`, NULL: recorded here); the append-only triggers still guard the log.
    # `device_key` is this database's own key for signing what it sends (never the organiser's);
    # `sync_devices` pins each device's public key on first contact; `sync_rejects` keeps
    # check-ins that could not join the log (a device sequence number already taken by another
    # event), so nothing is lost.
    """
    ALTER TABLE checkins ADD COLUMN received_ms INTEGER;
    ALTER TABLE checkins ADD COLUMN source TEXT;
    CREATE TABLE device_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        private_key BLOB NOT NULL
    );
    CREATE TABLE sync_devices (
        device TEXT PRIMARY KEY,
        public_key BLOB NOT NULL,
        first_seen_ms INTEGER NOT NULL,
        last_contact_ms INTEGER NOT NULL,
        last_via TEXT NOT NULL,
        reported_seq INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE TABLE sync_rejects (
        event_uid TEXT PRIMARY KEY,
        device TEXT NOT NULL,
        device_seq INTEGER NOT NULL,
        registration_id TEXT,
        session_id TEXT,
        direction TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        verdict TEXT NOT NULL,
        reason TEXT NOT NULL,
        override_reason TEXT,
        code_version INTEGER,
        received_ms INTEGER NOT NULL,
        source TEXT NOT NULL,
        problem TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # Each device's latest machine check (`kiosk doctor`), as the device sent it to the hub with
    # a sync round: the organiser's Sync tab shows it. One row per device, replaced each time.
    """
    CREATE TABLE device_health (
        device TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        checked_ms INTEGER NOT NULL,
        received_ms INTEGER NOT NULL,
        status TEXT NOT NULL,
        report TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 6: per-device enrolment (kiosk/sync/enrolment.py). The organiser makes a one-time,
    # short-lived token per device name; the device proves it holds the token once, and its key
    # is pinned. The event-wide enrolment secret that roster bundles used to carry is gone (a
    # copied bundle must not let anyone add a door), and so is the PIN hash in rosters: each
    # device keeps its own PIN. A revoked device stays listed (its check-ins keep their name) and
    # the refusals of its later pushes are counted.
    """
    CREATE TABLE sync_enrolments (
        device TEXT PRIMARY KEY,
        token TEXT,
        created_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL,
        used_ms INTEGER,
        public_key BLOB
    ) WITHOUT ROWID;
    ALTER TABLE sync_devices ADD COLUMN revoked_ms INTEGER;
    ALTER TABLE sync_devices ADD COLUMN refused INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sync_devices ADD COLUMN last_refused_ms INTEGER;
    DELETE FROM settings WHERE key = 'sync_enrol_secret';
    """,
    # 7: people and tickets (issue 11). A person may hold several tickets from a registration
    # system (pretix secrets and the like), each with a ticket type (the product); any of them
    # scans as that person, who is counted once. `source` names the import preset the ticket came
    # from and `source_ref` its id there (pretix: order code and position id). The codes people
    # held before (attendees.external_code) become tickets. A check-in records which ticket was
    # scanned (NULL for this system's own signed codes), so check-ins can go back to the source.
    """
    CREATE TABLE tickets (
        code TEXT PRIMARY KEY,
        registration_id TEXT NOT NULL REFERENCES attendees(registration_id),
        ticket_type TEXT,
        source TEXT,
        source_ref TEXT,
        status TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'cancelled'))
    ) WITHOUT ROWID;
    CREATE INDEX tickets_by_person ON tickets(registration_id);
    INSERT INTO tickets (code, registration_id, status)
        SELECT external_code, registration_id,
               CASE external_code_revoked WHEN 1 THEN 'cancelled' ELSE 'valid' END
        FROM attendees WHERE external_code IS NOT NULL;
    ALTER TABLE checkins ADD COLUMN ticket_code TEXT;
    """,
    # 8: sessions open to holders of given ticket types (issue 11; `access` = `tickets:Workshop`
    # in the programme). Such a session is stored as invite-only (its invitation list, speakers
    # and staff categories still pass) and lists here the ticket types that pass too. A check-in
    # that could not join the log keeps the ticket it scanned, as the log does. Ticket codes are
    # indexed by length, so a scan of a code nobody holds can tell "a ticket we do not know"
    # (same shape as the tickets held) from a text that is no code at all. A code that schema 7
    # copied from a person whose external code a reissue had revoked became a 'cancelled' ticket;
    # it is valid again here: the person's `external_code_revoked` already makes it scan revoked,
    # and a cancelled ticket would make the person (who holds a new badge) count as cancelled.
    """
    CREATE TABLE session_ticket_types (
        session_id TEXT NOT NULL REFERENCES sessions(session_id) ON DELETE CASCADE,
        ticket_type TEXT NOT NULL,
        PRIMARY KEY (session_id, ticket_type)
    ) WITHOUT ROWID;
    ALTER TABLE sync_rejects ADD COLUMN ticket_code TEXT;
    CREATE INDEX tickets_by_length ON tickets(length(code));
    UPDATE tickets SET status = 'valid'
        WHERE source IS NULL AND status = 'cancelled'
        AND code IN (SELECT external_code FROM attendees WHERE external_code_revoked = 1);
    """,
    # 9: pass-back policy per session (issue 13, programme column `pass_back`): a scan of someone
    # recorded inside is admitted as a re-entry ('allow', as before) or refused ('refuse').
    """
    ALTER TABLE sessions ADD COLUMN pass_back TEXT NOT NULL DEFAULT 'allow'
        CHECK (pass_back IN ('allow', 'refuse'));
    """,
    # 10: check-ins sent back to a registration system (`kiosk pretix push`, kiosk/sync/
    # pretix_push.py). One row per check-in and target (pretix URL, organizer, event and check-in
    # list), written once pretix answered for it: `accepted`, or `refused` with pretix's reason.
    # A later push sends only what has no row here, so nothing goes twice and nothing is lost.
    # No personal data: the check-in's id is the link.
    """
    CREATE TABLE pretix_pushes (
        target TEXT NOT NULL,
        event_uid TEXT NOT NULL,
        pushed_ms INTEGER NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('accepted', 'refused')),
        reason TEXT,
        PRIMARY KEY (target, event_uid)
    ) WITHOUT ROWID;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
