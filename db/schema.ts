import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const staffRole = pgEnum("staff_role", ["admin", "supervisor", "counselor", "city"]);

export const staff = pgTable("staff", {
  id: uuid("id").primaryKey().defaultRandom(),
  loginId: text("login_id").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: staffRole("role").notNull(),
  /** R8: the counselor's qualifications, as listed in the specification 10(3). */
  qualifications: text("qualifications").array().notNull().default(sql`'{}'::text[]`),
  passwordHash: text("password_hash").notNull(),
  active: boolean("active").notNull().default(true),
  /** Encrypted with lib/crypto; null until the second factor is enrolled. */
  totpSecret: text("totp_secret"),
  totpPendingSecret: text("totp_pending_secret"),
  /** The last TOTP time step accepted: a code of that step or earlier is a replay. */
  totpLastStep: bigint("totp_last_step", { mode: "number" }),
  failedAttempts: integer("failed_attempts").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const staffRecoveryCodes = pgTable(
  "staff_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("staff_recovery_codes_staff_idx").on(t.staffId)],
);

/** Server-side record of every sign-in: the cookie only names a row here, so revocation is immediate. */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: text("id").primaryKey(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    secondFactorDone: boolean("second_factor_done").notNull().default(false),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("staff_sessions_staff_idx").on(t.staffId)],
);

/** Append-only and hash-chained: a trigger refuses UPDATE and DELETE, `npm run audit:verify` checks the chain. */
export const auditLog = pgTable("audit_log", {
  seq: bigint("seq", { mode: "number" }).primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull(),
  actorId: uuid("actor_id"),
  actorLogin: text("actor_login"),
  action: text("action").notNull(),
  target: text("target"),
  details: jsonb("details").$type<Record<string, unknown>>().notNull(),
  prevHash: text("prev_hash").notNull(),
  hash: text("hash").notNull(),
});

/**
 * R5: staffed hours are data an administrator changes without a deploy. Every change is a new
 * row and none is ever rewritten, so "which rules applied on that day" stays answerable; the
 * current schedule is the highest version. `definition` is the lib/schedule Schedule JSON, typed
 * `unknown` here because rows outlive code: readers validate it with parseSchedule.
 */
export const scheduleVersions = pgTable("schedule_versions", {
  id: uuid("id").primaryKey().defaultRandom(),
  version: integer("version").notNull().unique(),
  definition: jsonb("definition").$type<unknown>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** Null when saved from the command line or the demo seed; the audit log names the actor too. */
  createdBy: uuid("created_by").references(() => staff.id),
  note: text("note"),
});

/** A young person who wrote to the LINE account. Only a keyed hash and the encrypted id are kept: never a name or picture. */
export const youths = pgTable("youths", {
  id: uuid("id").primaryKey().defaultRandom(),
  lineUserHash: text("line_user_hash").notNull().unique(),
  lineUserIdEnc: text("line_user_id_enc").notNull(),
  /** What staff see instead of any LINE identity. */
  pseudonym: text("pseudonym").notNull().unique(),
  following: boolean("following").notNull().default(true),
  unfollowedAt: timestamp("unfollowed_at", { withTimezone: true }),
  lastRefusalNoticeAt: timestamp("last_refusal_notice_at", { withTimezone: true }),
  /** Secure mode: when text typed in the LINE talk last got the button to the secure chat (throttled). */
  secureChatPromptAt: timestamp("secure_chat_prompt_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The secure chat's sessions: issued after LINE verified the youth's LIFF ID token. Only a hash of the
 * token is stored, so a copy of the database cannot be used to read or write as a youth.
 */
export const youthChatSessions = pgTable(
  "youth_chat_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    youthId: uuid("youth_id")
      .notNull()
      .references(() => youths.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("youth_chat_sessions_youth_idx").on(t.youthId)],
);

/**
 * Who has the secure chat open: one row per live event stream (any app instance), renewed by its
 * heartbeat. A row whose lease ran out is a stream whose instance died; a closed one keeps `last_seen_at`
 * so "has the youth looked since the notice" can still be answered. Old rows are pruned on connect.
 */
export const youthChatConnections = pgTable(
  "youth_chat_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    youthId: uuid("youth_id")
      .notNull()
      .references(() => youths.id),
    connectedAt: timestamp("connected_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("youth_chat_connections_youth_idx").on(t.youthId, t.lastSeenAt)],
);

export const inboxStatus = pgEnum("line_inbox_status", ["pending", "done", "ignored", "failed"]);

/** Every webhook event, stored before the 200 and processed afterwards; the event id makes redelivery a no-op. */
export const lineInbox = pgTable(
  "line_inbox",
  {
    webhookEventId: text("webhook_event_id").primaryKey(),
    /** Orders and serialises a user's events; null for events without a user (groups without one, unknown sources). */
    userHash: text("user_hash"),
    sourceType: text("source_type").notNull(),
    eventType: text("event_type").notNull(),
    eventTimestamp: bigint("event_timestamp", { mode: "number" }).notNull(),
    isRedelivery: boolean("is_redelivery").notNull().default(false),
    /** The whole event, encrypted: it holds the user id and any message text. Null once lib/retention purged it. */
    payloadEnc: text("payload_enc"),
    /** When lib/retention removed the payload (the row stays: its event id keeps redeliveries out). */
    payloadPurgedAt: timestamp("payload_purged_at", { withTimezone: true }),
    status: inboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** Null: due at once. Set from the app's clock (lib/clock), never the database's, so a shifted demo clock works. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    /**
     * Set when a worker claims the event (with `attempts` raised, committed): until then no other worker
     * takes it; past it, the worker is presumed dead. Only the holder of attempt `attempts` may record
     * the outcome, so a late writer changes nothing.
     */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [
    index("line_inbox_pending_idx").on(t.status, t.nextAttemptAt),
    index("line_inbox_user_idx").on(t.userHash, t.eventTimestamp),
    // The worker's claim walks pending events oldest first and asks whether the youth has an earlier one
    // pending: with only pending rows indexed neither grows with the events already handled.
    index("line_inbox_pending_order_idx").on(t.eventTimestamp, t.webhookEventId).where(sql`status = 'pending'`),
    index("line_inbox_user_pending_idx").on(t.userHash, t.eventTimestamp, t.webhookEventId).where(sql`status = 'pending'`),
  ],
);

export const formKind = pgEnum("form_kind", ["intake", "record", "survey"]);

/**
 * The intake (R13) and the record form (R17) are versioned data, as the schedule is: admins change
 * choices and labels without a deploy, every change is a new row, none is ever rewritten, and each
 * consultation and record names the version it was answered with, so old answers keep their labels.
 * The newest version of a kind is current. `definition` is lib/forms' JSON, validated when read.
 */
export const formVersions = pgTable(
  "form_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: formKind("kind").notNull(),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<unknown>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Null for the built-in version 1; the audit log names the actor too. */
    createdBy: uuid("created_by").references(() => staff.id),
    note: text("note"),
  },
  (t) => [uniqueIndex("form_versions_kind_version_idx").on(t.kind, t.version)],
);

export const consultationStatus = pgEnum("consultation_status", ["open", "closed"]);
export const consultationCloseReason = pgEnum("consultation_close_reason", ["completed", "inactive", "abandoned", "closing_time", "youth_ended", "emergency"]);

export const consultationChannel = pgEnum("consultation_channel", ["line", "secure_chat"]);

export const consultations = pgTable(
  "consultations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    youthId: uuid("youth_id")
      .notNull()
      .references(() => youths.id),
    status: consultationStatus("status").notNull().default("open"),
    channel: consultationChannel("channel").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    lastYouthMessageAt: timestamp("last_youth_message_at", { withTimezone: true }),
    /** The last automatic reply, so repeats are throttled rather than sent for every message. */
    lastAutoReplyKind: text("last_auto_reply_kind"),
    lastAutoReplyAt: timestamp("last_auto_reply_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** The counselor holding it; null while it waits in the queue (see consultationCloseReason below). */
    assignedTo: uuid("assigned_to").references(() => staff.id),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    /** 0 ordinary; raised by lib/risk when a youth's words suggest danger. Never lowered automatically. */
    priority: integer("priority").notNull().default(0),
    riskDetectedAt: timestamp("risk_detected_at", { withTimezone: true }),
    /** The first counselor to take it (claim or hand-over), kept through transfers: waiting time ends here (R17). */
    firstClaimedAt: timestamp("first_claimed_at", { withTimezone: true }),
    firstClaimedBy: uuid("first_claimed_by").references(() => staff.id),
    closeReason: consultationCloseReason("close_reason"),
    closedBy: uuid("closed_by").references(() => staff.id),
    /**
     * Secure mode: the last content-free 「相談員から返信があります」 push queued for this consultation and
     * when (app clock), so a burst of counselor replies makes one notice (lib/consultations/queue-reply-notice.ts).
     * Kept here, on the row a reply already locks, rather than on the youth's row, which the youth's own
     * messages lock: two locks taken in opposite orders could deadlock.
     */
    replyNoticeOutboxId: uuid("reply_notice_outbox_id"),
    replyNoticeAt: timestamp("reply_notice_at", { withTimezone: true }),
    /** The intake answers (R13: 年代, 性別, topics, consent): choice ids of `intake_version_id`'s definition. */
    intake: jsonb("intake").$type<{ ageBand?: string; gender?: string; topics?: string[]; requester?: string; consent?: boolean }>(),
    /** The intake version the youth answered (or is answering) with; labels come from it, never from the current one. */
    intakeVersionId: uuid("intake_version_id").references(() => formVersions.id),
    /** Set when the intake is complete (consent given); until then the secure chat shows the form. */
    intakeAnsweredAt: timestamp("intake_answered_at", { withTimezone: true }),
    /** 「いちばん話したいこと」, encrypted: free text from the youth. */
    intakeNoteEnc: text("intake_note_enc"),
    /** Line mode only: the quick-reply question awaiting an answer, so a stale button cannot answer another one. */
    intakeStep: text("intake_step"),
    /** The highest risk level (priority scale) the youth already got the safety reply for: once per level per consultation. */
    safetyRepliedLevel: integer("safety_replied_level"),
    /**
     * A second staff member who may write in the conversation beside the holder: the supervisor who
     * joined an emergency (lib/emergencies), cleared when it closes. Set only by lib/consultations.
     */
    secondResponderId: uuid("second_responder_id").references(() => staff.id),
    /**
     * When lib/retention erased what was written in this consultation (messages, notes, free text of the
     * record, consents, safety plans, emergency notes) after the retention period; counts and times stay.
     */
    contentPurgedAt: timestamp("content_purged_at", { withTimezone: true }),
    /**
     * The post-consultation survey (lib/surveys): when the youth was invited (once, after the close), the
     * survey version they were shown, and in line mode the quick-reply question awaiting an answer.
     * The answers themselves live in survey_responses, with no link back to this row.
     */
    surveyInvitedAt: timestamp("survey_invited_at", { withTimezone: true }),
    surveyVersionId: uuid("survey_version_id").references(() => formVersions.id),
    surveyStep: text("survey_step"),
  },
  (t) => [
    index("consultations_youth_idx").on(t.youthId, t.status),
    index("consultations_queue_idx").on(t.status, t.assignedTo, t.priority, t.openedAt),
    // Reports select a month's or a year's consultations by when they arrived.
    index("consultations_opened_idx").on(t.openedAt),
    index("consultations_first_claimed_idx").on(t.firstClaimedAt),
  ],
);

export const messageSender = pgEnum("message_sender", ["youth", "counselor", "system"]);
export const messageKind = pgEnum("message_kind", ["text", "sticker", "media_refused", "location_refused"]);

export const consultationMessages = pgTable(
  "consultation_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    sender: messageSender("sender").notNull(),
    kind: messageKind("kind").notNull(),
    /** Encrypted text; null for kinds without content and after the youth unsends. */
    bodyEnc: text("body_enc"),
    /** For media_refused: image, video, audio or file. The content itself is never fetched. */
    mediaType: text("media_type"),
    via: consultationChannel("via").notNull(),
    lineMessageId: text("line_message_id").unique(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The counselor who wrote it (sender counselor). */
    authorId: uuid("author_id").references(() => staff.id),
    /** The LINE call that carries it (line mode) or announces it (secure mode): its status is the message's. */
    outboxId: uuid("outbox_id"),
  },
  (t) => [
    index("consultation_messages_consultation_idx").on(t.consultationId, t.sentAt),
    // A settled LINE call finds the messages it carries, to tell the consoles showing them.
    index("consultation_messages_outbox_idx").on(t.outboxId),
    // The reception status counts every message received per day, and the work log who wrote that day.
    index("consultation_messages_sent_idx").on(t.sentAt, t.sender),
  ],
);

export const outboxKind = pgEnum("line_outbox_kind", ["reply", "push", "loading", "mark_read", "richmenu_link"]);
export const outboxStatus = pgEnum("line_outbox_status", ["pending", "sending", "sent", "failed", "cancelled"]);

/** Every call to LINE goes through here: durable, retried with backoff, pushes deduplicated by their retry key. */
export const lineOutbox = pgTable(
  "line_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Orders a youth's calls exactly as they were queued, even within one transaction. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    kind: outboxKind("kind").notNull(),
    youthId: uuid("youth_id")
      .notNull()
      .references(() => youths.id),
    /** Encrypted JSON: the messages (which may hold a counselor's words) or the call's parameters. Null once purged. */
    payloadEnc: text("payload_enc"),
    /** When lib/retention removed the payload of this settled call (the row stays: pushes are counted per month). */
    payloadPurgedAt: timestamp("payload_purged_at", { withTimezone: true }),
    replyToken: text("reply_token"),
    replyTokenExpiresAt: timestamp("reply_token_expires_at", { withTimezone: true }),
    /** X-Line-Retry-Key: the same for every attempt of one push, so LINE accepts it once. */
    retryKey: uuid("retry_key").notNull().defaultRandom(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** Null: due at once. Set from the app's clock (lib/clock), never the database's, so a shifted demo clock works. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    httpStatus: integer("http_status"),
    sentVia: text("sent_via"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("line_outbox_pending_idx").on(t.status, t.nextAttemptAt), index("line_outbox_youth_idx").on(t.youthId, t.seq)],
);

/** Admins' wording of the automatic replies; a key without a row uses the default in lib/i18n. */
export const autoReplyTemplates = pgTable("auto_reply_templates", {
  key: text("key").primaryKey(),
  body: text("body").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => staff.id),
});

/**
 * Admins' settings for youth who wait, one row (id 1; none = defaults): the estimated wait in minutes
 * from which the busy notice is added (null: never), and whether the self-help text goes with the notice.
 */
export const waitingSettings = pgTable("waiting_settings", {
  id: integer("id").primaryKey(),
  busyThresholdMinutes: integer("busy_threshold_minutes"),
  selfHelpEnabled: boolean("self_help_enabled").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => staff.id),
});

/** One row per staffed session whose closing notices went out, so several instances send them once. */
export const sessionClosings = pgTable("session_closings", {
  sessionEnd: timestamp("session_end", { withTimezone: true }).primaryKey(),
  notified: integer("notified").notNull(),
  at: timestamp("at", { withTimezone: true }).notNull(),
});

/*
 * The counselor console (issue 6). A consultation's lifecycle stays `status` open|closed, which the
 * LINE handlers and automatic replies already rely on; who holds it is `assigned_to`. So "waiting"
 * is open ∧ unassigned and "active" is open ∧ assigned: one conditional UPDATE on assigned_to decides
 * a claim, and no second status column can disagree with it.
 */
/** Internal notes: a table of their own, never joined into anything that is sent to a youth. */
export const consultationNotes = pgTable(
  "consultation_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    authorId: uuid("author_id").references(() => staff.id),
    /** System notes (a deactivated counselor's consultations returned to the queue) have no author. Null once purged. */
    bodyEnc: text("body_enc"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("consultation_notes_consultation_idx").on(t.consultationId, t.createdAt)],
);

export const recordOutcome = pgEnum("record_outcome", ["advice", "referral", "emergency", "phone", "continued", "ended_by_youth"]);

/**
 * R17: one record per consultation. `draft_enc` holds the form as the counselor left it (saved as they
 * type); the columns are filled when the consultation closes. Free text is encrypted; the categorical
 * fields stay plain because the monthly reports count them.
 */
export const consultationRecords = pgTable("consultation_records", {
  consultationId: uuid("consultation_id")
    .primaryKey()
    .references(() => consultations.id),
  draftEnc: text("draft_enc"),
  /** The record form version the record was made with (set at closing). */
  formVersionId: uuid("form_version_id").references(() => formVersions.id),
  ageBand: text("age_band"),
  gender: text("gender"),
  topics: text("topics").array(),
  /** 相談者の属性 (本人, 保護者, 友人, 教職員, その他): a choice id of the record form's `requester` field. */
  requester: text("requester"),
  /** 新規 or 継続 ("new" | "continuing"): derived from the youth's earlier consultations, confirmed by the counselor. */
  visit: text("visit"),
  /** 対応の内容 in detail (傾聴・助言, 情報提供, 他機関紹介, …): several may apply; choice ids of the `actions` field. */
  actions: text("actions").array(),
  contentSummaryEnc: text("content_summary_enc"),
  responseSummaryEnc: text("response_summary_enc"),
  outcome: recordOutcome("outcome"),
  referralAgencyId: uuid("referral_agency_id").references(() => supportAgencies.id),
  emergency: boolean("emergency"),
  emergencyNoteEnc: text("emergency_note_enc"),
  /** Records before consents were records: the one 同意 checkbox. Kept readable; new records leave it null. */
  consentToShare: boolean("consent_to_share"),
  /** Information about the youth was (or will be) passed to an agency: needs a consent or an R10 exception. */
  informationShared: boolean("information_shared"),
  outOfScope: boolean("out_of_scope"),
  finalizedAt: timestamp("finalized_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  updatedBy: uuid("updated_by").references(() => staff.id),
});

/** 定型文: admin-managed wording counselors insert into a reply. */
export const cannedResponses = pgTable("canned_responses", {
  id: uuid("id").primaryKey().defaultRandom(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  active: boolean("active").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  updatedBy: uuid("updated_by").references(() => staff.id),
});

/** 支援機関 (R7): where counselors refer youth; admin-managed. `isExample` marks seeded rows the city must confirm. */
export const supportAgencies = pgTable("support_agencies", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  phone: text("phone"),
  hours: text("hours"),
  url: text("url"),
  topics: text("topics").array().notNull().default(sql`'{}'::text[]`),
  active: boolean("active").notNull().default(true),
  isExample: boolean("is_example").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  updatedBy: uuid("updated_by").references(() => staff.id),
});

/**
 * R20: an action given to one person beyond their role's, by an administrator. The city role sees the
 * reports only; inspecting individual records (`records.inspect`) is granted per person, revocable, and
 * both are audited. A revoked grant is deleted: the audit log keeps its history.
 */
export const staffGrants = pgTable(
  "staff_grants",
  {
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
    grantedBy: uuid("granted_by").references(() => staff.id),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.action] })],
);

/**
 * R18/R19: a report handed to the city. One row per report kind and period (`2024-08` for the monthly
 * kinds, the fiscal year `2024` for the annual ones); who marked it and when, also in the audit log.
 */
export const reportSubmissions = pgTable(
  "report_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    period: text("period").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    submittedBy: uuid("submitted_by")
      .notNull()
      .references(() => staff.id),
  },
  (t) => [uniqueIndex("report_submissions_kind_period_idx").on(t.kind, t.period)],
);

/**
 * The cover block of every report file (宛先, 事業名, 受託者, 業務責任者), one row per saved version;
 * the newest is in force. Admins edit it; each save is audited.
 */
export const reportCoverVersions = pgTable("report_cover_versions", {
  id: uuid("id").primaryKey().defaultRandom(),
  version: integer("version").notNull().unique(),
  addressee: text("addressee").notNull(),
  businessName: text("business_name").notNull(),
  contractor: text("contractor").notNull(),
  manager: text("manager").notNull(),
  savedAt: timestamp("saved_at", { withTimezone: true }).notNull(),
  savedBy: uuid("saved_by").references(() => staff.id),
});

/**
 * 所見・特記事項 of one report period ("2024-08" or "2024"), written by a supervisor; every save is a
 * new version, the newest prints. Counts and the service only: never what a youth said.
 */
export const reportRemarkVersions = pgTable(
  "report_remark_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    period: text("period").notNull(),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull(),
    savedBy: uuid("saved_by").references(() => staff.id),
  },
  (t) => [uniqueIndex("report_remark_versions_period_version_idx").on(t.period, t.version)],
);

/** 友だち登録数 as LINE's Insight API reported it for a JST date (read once a day); no user is named. */
export const lineFollowerSnapshots = pgTable("line_follower_snapshots", {
  date: text("date").primaryKey(),
  followers: integer("followers").notNull(),
  blocks: integer("blocks"),
  readAt: timestamp("read_at", { withTimezone: true }).notNull(),
});

/**
 * R17: a closed consultation's timings, computed once from its events when it closes (like Chatwoot's
 * reporting events), so a month's or a year's report reads one row per consultation instead of
 * re-scanning every message. Seconds are whole; null when the event never happened (never claimed,
 * never answered). No content and no youth identifier: the consultation id links back.
 */
export const consultationTimings = pgTable(
  "consultation_timings",
  {
    consultationId: uuid("consultation_id")
      .primaryKey()
      .references(() => consultations.id),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    /** Whether it arrived while counselors were on duty, by the schedule covering that day (lib/schedule). */
    arrivedInStaffedHours: boolean("arrived_in_staffed_hours").notNull(),
    firstClaimedAt: timestamp("first_claimed_at", { withTimezone: true }),
    firstClaimedBy: uuid("first_claimed_by").references(() => staff.id),
    firstReplyAt: timestamp("first_reply_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }).notNull(),
    /** Received → first claimed. */
    waitingSeconds: integer("waiting_seconds"),
    /** Received → the first counselor message. */
    firstResponseSeconds: integer("first_response_seconds"),
    /** First claimed → closed: how long counselors were with the youth. */
    durationSeconds: integer("duration_seconds"),
    youthMessages: integer("youth_messages").notNull(),
    counselorMessages: integer("counselor_messages").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("consultation_timings_received_idx").on(t.receivedAt)],
);

export const receptionEventKind = pgEnum("reception_event_kind", ["follow", "unblock", "unfollow"]);

/**
 * 月例受付状況 counts friends added and blocks per day. The inbox keeps whole events only while they are
 * needed; this keeps just the kind and the time, never who, so it can be kept for the whole contract.
 */
export const receptionEvents = pgTable(
  "reception_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: receptionEventKind("kind").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("reception_events_at_idx").on(t.at)],
);

/* --- Risk lexicon, assessments and safety numbers (issue 12, build items 1 and 2) --- */

/** The risk words as admins edit them: every save a new version, never rewritten (like form_versions). */
export const riskLexiconVersions = pgTable("risk_lexicon_versions", {
  id: uuid("id").primaryKey().defaultRandom(),
  version: integer("version").notNull().unique(),
  /** `{ term, level, exclusions }[]`, validated by lib/risk's lexicon schema when saved. */
  entries: jsonb("entries").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** Null for the built-in version 1. */
  createdBy: uuid("created_by").references(() => staff.id),
  note: text("note"),
});

export const riskSource = pgEnum("risk_source", ["line_text", "line_sticker", "secure_chat", "intake_note"]);

/**
 * One row per assessed text: its level (0 none, 1 concern, 2 high) and the lexicon version used, so a
 * level can be explained after the words change. Never the text nor the matched words.
 */
export const riskAssessments = pgTable(
  "risk_assessments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    /** The message assessed; null for the intake's free text. */
    messageId: uuid("message_id").references(() => consultationMessages.id),
    source: riskSource("source").notNull(),
    level: integer("level").notNull(),
    lexiconVersion: integer("lexicon_version").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("risk_assessments_consultation_idx").on(t.consultationId, t.at)],
);

/** The numbers the safety reply and 緊急のときは offer: admins edit them; the national ones are seeded as defaults. */
export const safetyContacts = pgTable("safety_contacts", {
  id: uuid("id").primaryKey().defaultRandom(),
  label: text("label").notNull(),
  number: text("number").notNull(),
  note: text("note").notNull().default(""),
  sortOrder: integer("sort_order").notNull(),
  active: boolean("active").notNull().default(true),
  /** Set on the seeded national numbers, so seeding twice inserts nothing. */
  seedKey: text("seed_key").unique(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => staff.id),
});

/* --- end risk --- */

/* --- emergencies (issue 13) --- */

/** To whom an emergency contact went (警察, 救急, 児童相談所 …): admins edit the list; the defaults are seeded. */
export const emergencyContactKinds = pgTable("emergency_contact_kinds", {
  id: uuid("id").primaryKey().defaultRandom(),
  label: text("label").notNull(),
  sortOrder: integer("sort_order").notNull(),
  active: boolean("active").notNull().default(true),
  /** Set on the seeded defaults, so seeding twice inserts nothing. */
  seedKey: text("seed_key").unique(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => staff.id),
});

/**
 * 緊急対応: at most one per consultation (the unique index makes a second start the same emergency).
 * The checklist's answers stay plain (yes/no/unknown per item, for the report); its notes and the
 * summary are encrypted, as they describe the youth's situation.
 */
export const emergencies = pgTable("emergencies", {
  id: uuid("id").primaryKey().defaultRandom(),
  consultationId: uuid("consultation_id")
    .notNull()
    .unique()
    .references(() => consultations.id),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  startedBy: uuid("started_by")
    .notNull()
    .references(() => staff.id),
  joinedAt: timestamp("joined_at", { withTimezone: true }),
  joinedBy: uuid("joined_by").references(() => staff.id),
  checklist: jsonb("checklist").$type<Record<string, "yes" | "no" | "unknown">>(),
  checklistNotesEnc: text("checklist_notes_enc"),
  checklistUpdatedAt: timestamp("checklist_updated_at", { withTimezone: true }),
  endedAt: timestamp("ended_at", { withTimezone: true }),
  endedBy: uuid("ended_by").references(() => staff.id),
  summaryEnc: text("summary_enc"),
});

/** One contact made during an emergency: to whom, when, by whom, the number used, the result, when the city was told. */
export const emergencyContacts = pgTable(
  "emergency_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    emergencyId: uuid("emergency_id")
      .notNull()
      .references(() => emergencies.id),
    kindId: uuid("kind_id")
      .notNull()
      .references(() => emergencyContactKinds.id),
    contactedAt: timestamp("contacted_at", { withTimezone: true }).notNull(),
    contactedBy: uuid("contacted_by")
      .notNull()
      .references(() => staff.id),
    number: text("number").notNull().default(""),
    resultEnc: text("result_enc"),
    cityNotifiedAt: timestamp("city_notified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("emergency_contacts_emergency_idx").on(t.emergencyId, t.contactedAt)],
);

/* --- end emergencies --- */
// ---- On-call alerts (issue 12) ----

export const alertKind = pgEnum("alert_kind", ["risk", "emergency"]);

/**
 * One alert per consultation and kind: a high-risk message (risk) or an emergency started (emergency).
 * It holds no content: the people told learn the level, the time and the pseudonym, then open the console.
 * Re-sent every SOUDAN_ALERT_RESEND_MINUTES while nobody acknowledged it and nobody took the consultation.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    kind: alertKind("kind").notNull(),
    level: integer("level").notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => staff.id),
    /** When deliveries were last queued (app clock); null until the first sending. */
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
    sendCount: integer("send_count").notNull().default(0),
  },
  (t) => [uniqueIndex("alerts_consultation_kind_idx").on(t.consultationId, t.kind), index("alerts_open_idx").on(t.acknowledgedAt, t.lastSentAt)],
);

/** Who is on call when: an alert raised at T goes to the entries covering T, else to SOUDAN_ALERT_EMAIL_TO. */
export const onCallEntries = pgTable(
  "on_call_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Staff accounts carry no e-mail address, so an entry names the person and the address to write to. */
    name: text("name").notNull(),
    email: text("email").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by").references(() => staff.id),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [index("on_call_entries_period_idx").on(t.startsAt, t.endsAt)],
);

export const alertChannel = pgEnum("alert_channel", ["email", "webhook"]);
export const alertDeliveryStatus = pgEnum("alert_delivery_status", ["pending", "sending", "sent", "failed"]);

/**
 * Every e-mail and webhook POST an alert makes: durable, retried with backoff by a worker, so a target
 * that is down never holds up the youth's reply. The payload is content-free by construction.
 */
export const alertOutbox = pgTable(
  "alert_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The consultation's alert, or (one or the other) an operational one. */
    alertId: uuid("alert_id").references(() => alerts.id),
    operationalAlertId: uuid("operational_alert_id").references(() => operationalAlerts.id),
    channel: alertChannel("channel").notNull(),
    /** The e-mail address; null for the webhook, whose URL stays in the configuration (it may hold a secret). */
    recipient: text("recipient"),
    payload: jsonb("payload").$type<unknown>().notNull(),
    status: alertDeliveryStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /** The target and what it answered (e.g. the SMTP server that could not be reached); never an address. */
    lastError: text("last_error"),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("alert_outbox_pending_idx").on(t.status, t.nextAttemptAt), index("alert_outbox_alert_idx").on(t.alertId)],
);

/**
 * How far the holder has read a conversation (the newest message shown to them), so the console's tabs
 * can badge the other consultations with their unread youth messages.
 */
export const consultationReads = pgTable(
  "consultation_reads",
  {
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id),
    readUpTo: timestamp("read_up_to", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.staffId] })],
);

/**
 * When a person's view of a consultation was last audited. The conversation re-renders on every live
 * event; one `consultation.viewed` row per person, consultation and 10 minutes covers those reads
 * without a row (and the audit chain's lock) per refresh.
 */
export const consultationViewAudits = pgTable(
  "consultation_view_audits",
  {
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id),
    auditedAt: timestamp("audited_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.staffId] })],
);

// ---- end of on-call alerts ----

// --- Sign-in throttle (issue 15) ---

/**
 * Failed sign-ins counted per login id and per client address, shared by every app instance
 * (rate-limiter-flexible's RateLimiterDrizzle store). Keys are `login:` / `address:` and a SHA-256
 * digest: neither what was typed as a login id nor an address is kept in clear.
 */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});

/* --- consent (R11), the R10 exception and safety plans --- */

/** What a consent lets the counselor pass on; the wording is in lib/i18n. */
export const consentScopeItem = pgEnum("consent_scope_item", ["summary", "contact", "school", "safety"]);

/**
 * A youth's consent (R11) to pass information to one recipient: an agency from the directory, or a
 * recipient written out. What the youth said is quoted or summarised by the counselor (encrypted).
 * A withdrawal keeps the row and says when.
 */
export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    agencyId: uuid("agency_id").references(() => supportAgencies.id),
    recipientEnc: text("recipient_enc"),
    scopeItems: consentScopeItem("scope_items").array().notNull().default([]),
    scopeNoteEnc: text("scope_note_enc"),
    agreedAt: timestamp("agreed_at", { withTimezone: true }).notNull(),
    /** Null once lib/retention purged the consultation's content. */
    wordsEnc: text("words_enc"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staff.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawalNoteEnc: text("withdrawal_note_enc"),
    withdrawalRecordedBy: uuid("withdrawal_recorded_by").references(() => staff.id),
  },
  (t) => [index("consents_consultation_idx").on(t.consultationId)],
);

/**
 * The R10 exception: information passed on without the youth's consent because their life or body was
 * in danger. The reason is encrypted; the counselor who recorded it and the supervisor who decided with
 * them are named.
 */
export const sharingExceptions = pgTable(
  "sharing_exceptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    agencyId: uuid("agency_id").references(() => supportAgencies.id),
    recipientEnc: text("recipient_enc"),
    /** Null once lib/retention purged the consultation's content. */
    reasonEnc: text("reason_enc"),
    supervisorName: text("supervisor_name").notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staff.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sharing_exceptions_consultation_idx").on(t.consultationId)],
);

/** A safety plan made with the youth, one row per saved version; a sent version keeps the message that carried it. */
export const safetyPlanVersions = pgTable(
  "safety_plan_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    version: integer("version").notNull(),
    /** The plan's fields as encrypted JSON; null once lib/retention purged the consultation's content. */
    planEnc: text("plan_enc"),
    savedBy: uuid("saved_by")
      .notNull()
      .references(() => staff.id),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    sentBy: uuid("sent_by").references(() => staff.id),
    messageId: uuid("message_id").references(() => consultationMessages.id),
  },
  (t) => [uniqueIndex("safety_plan_versions_consultation_version_idx").on(t.consultationId, t.version)],
);

/* --- end consent --- */
// ---- LINE limits (issue 15, item 5) ----

/**
 * The latest reading of LINE's monthly message quota, one row (id "current"). `limit` is null when the
 * plan has no target. Kept so /admin/line shows it without calling LINE on every render.
 */
export const lineQuotaReadings = pgTable("line_quota_readings", {
  id: text("id").primaryKey(),
  limit: integer("limit"),
  used: integer("used").notNull(),
  readAt: timestamp("read_at", { withTimezone: true }).notNull(),
});

export const operationalAlertKind = pgEnum("operational_alert_kind", ["line_quota_80", "line_quota_95", "line_monthly_limit"]);

/**
 * An alert about the service, not a consultation: sent once to the on-call list (no re-send, nothing to
 * acknowledge) and at most once per kind and Japan-time month ("2025-02").
 */
export const operationalAlerts = pgTable(
  "operational_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: operationalAlertKind("kind").notNull(),
    month: text("month").notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    /** When deliveries were queued (app clock); null until the alert worker took it. */
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("operational_alerts_kind_month_idx").on(t.kind, t.month)],
);

// ---- retention (issue 14, item 1) ----

export const retentionTrigger = pgEnum("retention_trigger", ["schedule", "command"]);

/**
 * One row per purge that erased something, or was run by hand: when, how it was started, the cut-offs
 * it used and how many of each kind it erased (never what). /admin/retention lists the latest.
 */
export const retentionRuns = pgTable(
  "retention_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ranAt: timestamp("ran_at", { withTimezone: true }).notNull(),
    trigger: retentionTrigger("trigger").notNull(),
    /** Payloads settled before this were purged. */
    payloadCutoff: timestamp("payload_cutoff", { withTimezone: true }).notNull(),
    /** Consultations closed before this lost their content; null when content is kept until destruction. */
    contentCutoff: timestamp("content_cutoff", { withTimezone: true }),
    counts: jsonb("counts").$type<Record<string, number>>().notNull(),
  },
  (t) => [index("retention_runs_ran_at_idx").on(t.ranAt)],
);

// ---- Incident register (issue 14, 個人情報取扱特記事項 第10) ----

export const incidentKind = pgEnum("incident_kind", ["leak", "loss", "damage", "tampering", "misdelivery", "other"]);

/**
 * An incident with personal information (漏えい, 滅失, き損, 改ざん, 誤送信…) as staff recorded it: when it
 * was found, what it touched, what was done and when the city was told. Scope and actions may name
 * people, so they are encrypted like consultation content.
 */
export const incidents = pgTable(
  "incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: incidentKind("kind").notNull(),
    discoveredAt: timestamp("discovered_at", { withTimezone: true }).notNull(),
    scopeEnc: text("scope_enc").notNull(),
    actionsEnc: text("actions_enc").notNull(),
    cityNotifiedAt: timestamp("city_notified_at", { withTimezone: true }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staff.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => staff.id),
  },
  (t) => [index("incidents_discovered_idx").on(t.discoveredAt)],
);

/**
 * 利用者アンケート: a youth's answers to the post-consultation survey, kept apart from who they are.
 * No youth or consultation id: `token` is a one-way HMAC of the consultation id (lib/surveys), so the
 * same consultation answers once and nobody can read back whose answers these are. Only the JST month
 * and the channel are kept for counting; the free comment is encrypted like other free text.
 */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    token: text("token").notNull(),
    /** "YYYY-MM" in JST, of when the consultation was received: reports count by that month. */
    month: text("month").notNull(),
    channel: consultationChannel("channel").notNull(),
    formVersionId: uuid("form_version_id")
      .notNull()
      .references(() => formVersions.id),
    /** Choice ids of the survey version; null when skipped or not answered yet (line mode asks one at a time). */
    satisfaction: text("satisfaction"),
    again: text("again"),
    commentEnc: text("comment_enc"),
  },
  (t) => [uniqueIndex("survey_responses_token_idx").on(t.token), index("survey_responses_month_idx").on(t.month)],
);
