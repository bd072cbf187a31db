import { createHmac, randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { staff, supportAgencies, youths } from "@/db/schema";
import { now, setClockForTests } from "@/lib/clock";
import {
  announceMessageDelivery,
  claimConsultation,
  closeConsultationWithRecord,
  closeInactiveConsultations,
  ConsoleError,
  endConsultationByYouth,
  finishConsultationRecord,
  findOpenConsultation,
  sendCounselorMessage,
  type ConsoleActor,
} from "@/lib/consultations";
import { recordConsent, recordSharingException } from "@/lib/consents";
import { lookupHashes, type Keyring } from "@/lib/crypto";
import { addEmergencyContact, endEmergency, joinEmergency, listEmergencyContactKinds, saveEmergencyChecklist, startEmergency, toJstDateTimeInput } from "@/lib/emergencies";
import { receiveSecureChatMessage } from "@/lib/liff";
import { submitSurvey } from "@/lib/surveys";
import { processNextInboxEvent, receiveWebhook } from "@/lib/line";
import { deliverNextOutboxItem, type LineApi } from "@/lib/line-api";
import { instantAt } from "@/lib/calendar";
import { listOpeningsBetweenDates, type Schedule } from "@/lib/schedule";
import { ageBands, agains, genders, requesters, satisfactions, type Topic } from "./categories";
import * as phrases from "./phrases";
import { Random } from "./random";

type Outcome = keyof typeof phrases.responseSummaries;

export interface HistoryOptions {
  from: string;
  to: string;
  seed: number;
  keyring: Keyring;
  /** The schedule the period ran under: arrivals cluster in its sessions. */
  schedule: Schedule;
  /** The counselors who answer, by login id; they must exist (the demo seed's). */
  counselors: string[];
  maxActivePerCounselor?: number;
  inactivityMinutes?: number;
  /** Progress lines for a person watching; the summary is returned either way. */
  onProgress?: (line: string) => void;
}

export interface HistorySummary {
  sessions: number;
  youths: number;
  follows: number;
  blocks: number;
  consultations: number;
  outOfHours: number;
  closed: Record<string, number>;
  outcomes: Record<string, number>;
  emergencies: number;
  referrals: number;
  consents: number;
  sharingExceptions: number;
  youthMessages: number;
  counselorMessages: number;
}

/** Raised when the seed's history is in the database already: running it twice would double every figure. */
export class HistoryExistsError extends Error {}

// Shares of what the city's reports count, roughly as municipal SNS consultations report them.
const ageWeights: Record<(typeof ageBands)[number], number> = { elementary: 10, junior_high: 35, high_school: 33, young_adult: 12, out_of_range: 3, unknown: 7 };
const genderWeights: Record<(typeof genders)[number], number> = { female: 62, male: 27, other: 3, unknown: 8 };
const topicWeights: Record<Topic, number> = { friends: 18, school: 16, family: 15, bullying: 10, health: 8, mental: 8, suicidal: 3, truancy: 8, abuse: 4, developmental: 4, young_carer: 3, sexuality: 4, career: 4, other: 8 };
// Kanagawa's LINE相談 heard parents in four of ten consultations; a youth service hears mostly the youth.
const requesterWeights: Record<(typeof requesters)[number], number> = { self: 74, parent: 14, friend: 6, teacher: 2, other: 4 };
// About a third answer the survey; most who do found it helpful.
const SURVEY_SHARE = 0.35;
const satisfactionWeights: Record<(typeof satisfactions)[number], number> = { very_good: 36, good: 38, neutral: 16, bad: 6, very_bad: 4 };
const againWeights: Record<(typeof agains)[number], number> = { yes: 72, unsure: 20, no: 8 };
const outcomeWeights: Record<Exclude<Outcome, "emergency">, number> = { advice: 62, referral: 12, phone: 5, continued: 15, ended_by_youth: 6 };
const endingWeights = { completed: 82, youth_ended_chatting: 6, abandoned: 5, inactive: 4, youth_ended_waiting: 3 } as const;
type Ending = keyof typeof endingWeights;

/** Signs webhook bodies for the history's own LINE events; receiveWebhook checks them as it checks LINE's. */
const channelSecret = randomBytes(16).toString("hex");
const silentLine: LineApi = { reply: async () => {}, push: async () => {}, showLoading: async () => {}, markAsRead: async () => {}, linkRichMenu: async () => {}, readQuota: async () => ({ limit: null, used: 0 }), readFollowers: async () => null };

interface Step {
  at: Date;
  order: number;
  run: () => Promise<void>;
}

interface YouthState {
  lineUserId: string;
  id: string | null;
  following: boolean;
  busy: boolean;
}

/** The line user id of the seed's first youth: how a second run with the same seed is recognised. */
export function firstLineUserIdOf(seed: number): string {
  return `U${new Random(seed).hex(32)}`;
}

/**
 * Fills the database with a realistic history from `from` to `to` (JST days) through the same domain
 * functions the product uses: LINE webhooks through the inbox, secure chat messages, claims, replies,
 * records, youth who end or leave, inactivity closes. Every step runs with the clock (lib/clock) set
 * to its simulated instant. Deterministic for a seed in what it creates (counts, times, choices);
 * pseudonyms and ids are random as in production.
 */
export async function generateHistory(db: Db, options: HistoryOptions): Promise<HistorySummary> {
  const random = new Random(options.seed);
  const firstUser = `U${random.hex(32)}`;
  const [existing] = await db.select({ id: youths.id }).from(youths).where(inArray(youths.lineUserHash, lookupHashes(options.keyring, firstUser)));
  if (existing) throw new HistoryExistsError(`The history for seed ${options.seed} is already in this database.`);

  const counselorRows = await db.select({ id: staff.id, loginId: staff.loginId, role: staff.role }).from(staff).where(inArray(staff.loginId, options.counselors));
  const counselors: ConsoleActor[] = options.counselors.flatMap((login) => counselorRows.filter((r) => r.loginId === login && (r.role === "counselor" || r.role === "supervisor")));
  if (counselors.length === 0) throw new Error(`None of the counselors ${options.counselors.join(", ")} exists`);
  // Only agencies an admin confirmed may be referred to; seeded examples are not.
  const agencies = await db.select({ id: supportAgencies.id }).from(supportAgencies).where(and(eq(supportAgencies.active, true), eq(supportAgencies.isExample, false)));
  // The supervisor who joins emergencies as second responder; emergency details draw from their own
  // sequence, so the rest of a seed's history is the same as before emergencies were recorded.
  const [supervisor] = await db.select({ id: staff.id, loginId: staff.loginId, role: staff.role }).from(staff).where(and(eq(staff.role, "supervisor"), eq(staff.active, true))).limit(1);
  const contactKinds = await listEmergencyContactKinds(db);
  const emergencyRandom = new Random(options.seed + 7919);
  const maxActive = options.maxActivePerCounselor ?? 3;
  const inactivityMinutes = options.inactivityMinutes ?? 30;

  const summary: HistorySummary = { sessions: 0, youths: 0, follows: 0, blocks: 0, consultations: 0, outOfHours: 0, closed: {}, outcomes: {}, emergencies: 0, referrals: 0, consents: 0, sharingExceptions: 0, youthMessages: 0, counselorMessages: 0 };
  const count = (table: Record<string, number>, key: string) => (table[key] = (table[key] ?? 0) + 1);

  const steps: Step[] = [];
  let order = 0;
  const at = (instant: Date | number, run: () => Promise<void>) => {
    const step = { at: new Date(instant), order: order++, run };
    // Kept sorted by time, then by when it was planned, so the run is the same for the same seed.
    let i = steps.length;
    while (i > 0 && (steps[i - 1]!.at > step.at || (steps[i - 1]!.at.getTime() === step.at.getTime() && steps[i - 1]!.order > step.order))) i--;
    steps.splice(i, 0, step);
  };
  const minutes = (m: number) => m * 60_000;

  let eventCounter = 0;
  async function lineEvent(youth: YouthState, fields: Record<string, unknown>) {
    eventCounter++;
    const event = {
      webhookEventId: `history-${options.seed}-${eventCounter}`,
      // LINE's time is real time; the handlers move it onto the app's clock (fromRealTime).
      timestamp: Date.now(),
      mode: "active",
      replyToken: `history-reply-${options.seed}-${eventCounter}`,
      deliveryContext: { isRedelivery: false },
      source: { type: "user", userId: youth.lineUserId },
      ...fields,
    };
    const body = JSON.stringify({ destination: "history", events: [event] });
    const signature = createHmac("sha256", channelSecret).update(body).digest("base64");
    const answer = await receiveWebhook(db, { rawBody: body, signature }, { channelSecret, keyring: options.keyring, at: now() });
    if (answer.status !== 200) throw new Error(`history webhook refused: ${answer.status}`);
    while (await processNextInboxEvent(db, { keyring: options.keyring, now })) {}
    if (!youth.id) {
      const [row] = await db.select({ id: youths.id }).from(youths).where(inArray(youths.lineUserHash, lookupHashes(options.keyring, youth.lineUserId)));
      youth.id = row?.id ?? null;
    }
  }

  const pool: YouthState[] = [];
  function newYouth(arrival: Date, first = false): YouthState {
    const youth: YouthState = { lineUserId: first ? firstUser : `U${random.hex(32)}`, id: null, following: false, busy: false };
    pool.push(youth);
    summary.youths++;
    // Most add the account shortly before writing; some found it days earlier.
    const followedAt = arrival.getTime() - minutes(random.chance(0.7) ? random.int(1, 30) : random.int(60, 60 * 24 * 5));
    at(followedAt, async () => {
      await lineEvent(youth, { type: "follow" });
      youth.following = true;
      summary.follows++;
    });
    return youth;
  }

  function youthFor(arrival: Date): YouthState {
    const returning = pool.filter((y) => !y.busy && y.following);
    return returning.length > 0 && random.chance(0.25) ? random.pick(returning) : newYouth(arrival, pool.length === 0);
  }

  const sessions = listOpeningsBetweenDates(options.schedule, options.from, options.to);
  summary.sessions = sessions.length;
  const nextSessionAfter = (instant: Date) => sessions.find((s) => s.start > instant) ?? null;

  /** One consultation from first message to its end, planned step by step as the simulation reaches it. */
  function plan(arrival: Date, inHours: boolean) {
    const youth = youthFor(arrival);
    const channel = random.chance(0.4) ? "line" : "secure_chat";
    const emergency = inHours && random.chance(0.03);
    const topic = random.weighted(topicWeights);
    const ending: Ending = emergency ? "completed" : inHours ? random.weighted(endingWeights) : random.chance(0.5) ? "youth_ended_waiting" : "completed";
    const state = { consultationId: null as string | null, over: false, holder: null as ConsoleActor | null, emergencyId: null as string | null };
    summary.consultations++;
    if (!inHours) summary.outOfHours++;

    /** The youth answers the survey the close invited them to: quick replies in LINE, the form in the secure chat. */
    function answerSurvey() {
      const satisfaction = random.weighted(satisfactionWeights);
      const again = random.weighted(againWeights);
      const answeredAt = now().getTime() + minutes(random.int(1, 30));
      if (channel === "line") {
        const tap = (step: string, choice: string) => lineEvent(youth, { type: "postback", postback: { data: new URLSearchParams({ action: "survey", step, choice }).toString() } });
        at(answeredAt, () => tap("satisfaction", satisfaction));
        at(answeredAt + minutes(1), () => tap("again", again));
      } else {
        const comment = random.chance(0.2) ? random.pick(phrases.surveyComments) : undefined;
        // A youth already in a new consultation is not asked any more: submitSurvey then keeps nothing.
        at(answeredAt, async () => {
          await submitSurvey(db, { youthId: youth.id!, answers: { satisfaction, again, comment }, at: now() }, options.keyring);
        });
      }
    }

    async function youthSays(text: string) {
      if (state.over) return;
      if (channel === "line") await lineEvent(youth, { type: "message", message: { id: `history-msg-${options.seed}-${eventCounter + 1}`, type: "text", text } });
      else {
        const sent = await receiveSecureChatMessage(db, { youthId: youth.id!, text, at: now(), pagingConfigured: false }, options.keyring);
        if (!sent.ok) return;
      }
      summary.youthMessages++;
    }
    async function counselorSays(text: string) {
      if (state.over || !state.holder || !state.consultationId) return;
      await sendCounselorMessage(db, { consultationId: state.consultationId, text, at: now(), mode: channel === "line" ? "line" : "secure" }, state.holder, options.keyring);
      summary.counselorMessages++;
    }
    function endByYouth(reason: string) {
      return async () => {
        if (state.over) return;
        await endConsultationByYouth(db, { youthId: youth.id!, at: now() }, options.keyring);
        state.over = true;
        youth.busy = false;
        count(summary.closed, reason);
      };
    }

    youth.busy = true;
    at(arrival, async () => {
      await youthSays(emergency ? random.pick(phrases.riskOpenings) : random.pick(phrases.openings[topic]));
      state.consultationId = (await findOpenConsultation(db, youth.id!))?.id ?? null;
    });

    if (ending === "youth_ended_waiting") {
      at(arrival.getTime() + minutes(random.int(3, inHours ? 20 : 90)), endByYouth("youth_ended"));
      return;
    }
    if (ending === "abandoned") {
      at(arrival.getTime() + minutes(random.int(3, 15)), async () => {
        await lineEvent(youth, { type: "unfollow" });
        youth.following = false;
        youth.busy = false;
        state.over = true;
        summary.blocks++;
        count(summary.closed, "abandoned");
      });
      return;
    }
    // Out of hours, the youth is answered at the next session; none left in the period: they give up.
    const session = inHours ? null : nextSessionAfter(arrival);
    if (!inHours && !session) {
      at(arrival.getTime() + minutes(random.int(10, 60)), endByYouth("youth_ended"));
      return;
    }
    const claimAt = session ? session.start.getTime() + minutes(random.int(0, 20)) : arrival.getTime() + minutes(1 + Math.min(45, random.exponential(7)));
    const exchanges = random.int(3, 9);
    const gaps = Array.from({ length: exchanges * 2 }, () => random.int(1, 6));
    const outcome: Outcome = emergency ? "emergency" : random.weighted(outcomeWeights);
    const form = recordForm(random, topic, outcome, agencies.map((a) => a.id));
    const preferred = random.int(0, counselors.length - 1);

    const claim = async (): Promise<void> => {
      if (state.over || !state.consultationId) return;
      for (let i = 0; i < counselors.length; i++) {
        const counselor = counselors[(preferred + i) % counselors.length]!;
        try {
          await claimConsultation(db, state.consultationId, counselor, { at: now(), maxActive });
          state.holder = counselor;
          break;
        } catch (error) {
          if (!(error instanceof ConsoleError) || error.code !== "limit_reached") throw error;
        }
      }
      // Everyone is busy: the youth waits a little longer, as they would.
      if (!state.holder) return at(now().getTime() + minutes(5), claim);
      converse(now().getTime());
    };
    at(claimAt, claim);

    /** 緊急対応 early in the talk: started by the holder, the supervisor joins, the checklist, one to three contacts. */
    function respondToEmergency(from: number) {
      const answers = ["yes", "no", "unknown"] as const;
      const checklist = Object.fromEntries(
        ["desire", "plan", "means", "timeframe", "whereabouts", "safeNow"].map((item) => [item, { answer: emergencyRandom.pick([...answers]), note: emergencyRandom.pick(phrases.checklistNotes) }]),
      );
      const contacts = Array.from({ length: emergencyRandom.int(1, 3) }, () => ({ kind: emergencyRandom.pick(contactKinds), result: emergencyRandom.pick(phrases.contactResults), cityTold: emergencyRandom.chance(0.6) }));
      at(from + minutes(2), async () => {
        if (state.over || !state.consultationId || !state.holder) return;
        state.emergencyId = (await startEmergency(db, { consultationId: state.consultationId, at: now() }, state.holder)).emergencyId;
      });
      at(from + minutes(3), async () => {
        if (state.over || !state.emergencyId || !supervisor || supervisor.id === state.holder?.id) return;
        await joinEmergency(db, { emergencyId: state.emergencyId, at: now() }, supervisor);
      });
      at(from + minutes(4), async () => {
        if (state.over || !state.emergencyId || !state.holder) return;
        await saveEmergencyChecklist(db, { emergencyId: state.emergencyId, checklist, at: now() }, state.holder, options.keyring);
      });
      contacts.forEach((contact, i) =>
        at(from + minutes(5 + i), async () => {
          if (state.over || !state.emergencyId || !state.holder) return;
          const by = supervisor ?? state.holder;
          const contactedAt = toJstDateTimeInput(now());
          const cityNotifiedAt = contact.cityTold ? toJstDateTimeInput(new Date(now().getTime() + minutes(30))) : "";
          const added = await addEmergencyContact(db, { emergencyId: state.emergencyId, contact: { kindId: contact.kind.id, contactedAt, number: "", result: contact.result, cityNotifiedAt }, at: now() }, by, options.keyring);
          if (!added.ok) throw new Error(`history contact refused: ${JSON.stringify(added.fieldErrors)}`);
        }),
      );
    }

    function converse(from: number) {
      let t = from + minutes(1);
      at(t, () => counselorSays(phrases.counselorGreeting));
      if (emergency) respondToEmergency(from);
      const talk = ending === "completed" ? exchanges : Math.min(2, exchanges);
      for (let i = 0; i < talk; i++) {
        t += minutes(gaps[2 * i]!);
        at(t, () => youthSays(random.pick(phrases.youthLines)));
        t += minutes(gaps[2 * i + 1]!);
        at(t, () => counselorSays(random.pick(phrases.counselorLines)));
      }
      if (ending === "youth_ended_chatting") {
        at(t + minutes(3), endByYouth("youth_ended"));
        return;
      }
      if (ending === "inactive") {
        // The youth stops answering; the once-a-minute job closes it after the configured silence.
        at(t + minutes(inactivityMinutes + 1), async () => {
          if (state.over) return;
          await closeInactiveConsultations(db, { at: now(), minutes: inactivityMinutes, keyring: options.keyring });
          state.over = true;
          youth.busy = false;
          count(summary.closed, "inactive");
        });
        return;
      }
      t += minutes(2);
      at(t, () => counselorSays(phrases.counselorClosing));
      at(t + minutes(random.int(2, 8)), async () => {
        if (state.over || !state.consultationId || !state.holder) return;
        if (form.informationShared) await recordSharingBasis(db, { consultationId: state.consultationId, holder: state.holder, form, random, keyring: options.keyring, summary });
        if (state.emergencyId) {
          const ended = await endEmergency(db, { emergencyId: state.emergencyId, summary: form.emergencyNote ?? "", at: now() }, state.holder, options.keyring);
          if (!ended.ok) throw new Error(`history emergency end refused: ${JSON.stringify(ended.fieldErrors)}`);
        }
        const closed = state.emergencyId
          ? await finishConsultationRecord(db, { consultationId: state.consultationId, form, at: now() }, state.holder, options.keyring)
          : await closeConsultationWithRecord(db, { consultationId: state.consultationId, form, at: now() }, state.holder, options.keyring);
        if (!closed.ok) throw new Error(`history record refused: ${JSON.stringify(closed.fieldErrors)}`);
        if (!state.emergencyId && random.chance(SURVEY_SHARE)) answerSurvey();
        state.over = true;
        youth.busy = false;
        count(summary.closed, "completed");
        count(summary.outcomes, outcome);
        if (form.emergency) summary.emergencies++;
        if (outcome === "referral") summary.referrals++;
      });
    }
  }

  // Arrivals: several per staffed evening, a few at other hours (24-hour reception).
  for (const session of sessions) {
    const length = session.end.getTime() - session.start.getTime();
    const arrivals = Array.from({ length: random.poisson(4.5) }, () => session.start.getTime() + Math.floor(random.next() * (length - minutes(20))));
    for (const arrival of arrivals.sort((a, b) => a - b)) plan(new Date(arrival), true);
  }
  for (let day = options.from; day <= options.to; day = nextDay(day)) {
    if (!random.chance(0.3)) continue;
    const arrival = instantAt(day, random.int(7 * 60, 19 * 60 + 30));
    if (!sessions.some((s) => s.start <= arrival && arrival < s.end)) plan(arrival, false);
  }
  // Some add the account and never write; some of those block it again.
  for (let day = options.from; day <= options.to; day = nextDay(day)) {
    if (!random.chance(0.2)) continue;
    const youth: YouthState = { lineUserId: `U${random.hex(32)}`, id: null, following: false, busy: true };
    summary.youths++;
    const followed = instantAt(day, random.int(8 * 60, 23 * 60));
    at(followed, async () => {
      await lineEvent(youth, { type: "follow" });
      summary.follows++;
    });
    if (random.chance(0.3)) {
      at(followed.getTime() + minutes(random.int(10, 60 * 24)), async () => {
        await lineEvent(youth, { type: "unfollow" });
        summary.blocks++;
      });
    }
  }

  let done = 0;
  try {
    while (steps.length > 0) {
      const step = steps.shift()!;
      setClockForTests(step.at);
      await step.run();
      // The LINE calls it queued go out at once, through the product's own sender, to a LINE that accepts them.
      while (await deliverNextOutboxItem(db, { api: silentLine, keyring: options.keyring, now, onSettled: announceMessageDelivery })) {}
      if (++done % 500 === 0) options.onProgress?.(`${done} steps, at ${step.at.toISOString()}`);
    }
  } finally {
    setClockForTests(null);
  }
  return summary;
}

/**
 * Sharing needs a basis on record before the close: usually the youth's consent to the agency; in some
 * emergencies the R10 exception decided with a supervisor instead.
 */
async function recordSharingBasis(
  db: Db,
  input: { consultationId: string; holder: ConsoleActor; form: { emergency: boolean; referralAgencyId: string | null }; random: Random; keyring: Keyring; summary: HistorySummary },
) {
  const { consultationId, holder, form, random, keyring, summary } = input;
  const recipient = form.referralAgencyId ? { agencyId: form.referralAgencyId } : { recipient: "市の子ども家庭課" };
  const at = now();
  if (form.emergency && random.chance(0.4)) {
    const exception = { ...recipient, reason: random.pick(phrases.sharingExceptionReasons), supervisorName: random.pick(phrases.supervisorNames), decidedAt: at };
    const result = await recordSharingException(db, { consultationId, exception, at }, holder, keyring);
    if (!result.ok) throw new Error(`history R10 exception refused: ${JSON.stringify(result.fieldErrors)}`);
    summary.sharingExceptions++;
    return;
  }
  const consent = { ...recipient, scopeItems: random.chance(0.5) ? ["summary", "school"] : ["summary", "contact", "safety"], agreedAt: at, words: random.pick(phrases.consentWords) };
  const result = await recordConsent(db, { consultationId, consent, at }, holder, keyring);
  if (!result.ok) throw new Error(`history consent refused: ${JSON.stringify(result.fieldErrors)}`);
  summary.consents++;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function recordForm(random: Random, topic: Topic, outcome: Outcome, agencyIds: string[]) {
  const ageBand = random.weighted(ageWeights);
  const second = random.chance(0.3) ? random.weighted(topicWeights) : topic;
  const emergency = outcome === "emergency";
  const referralAgencyId = outcome === "referral" && agencyIds.length > 0 ? random.pick(agencyIds) : null;
  return {
    ageBand,
    gender: random.weighted(genderWeights),
    requester: random.weighted(requesterWeights),
    actions: actionsFor(random, outcome),
    topics: [...new Set([topic, second])],
    contentSummary: phrases.contentSummaries[topic],
    responseSummary: phrases.responseSummaries[outcome],
    // Without an agency to name, a referral is recorded as advice: the form would refuse it otherwise.
    outcome: outcome === "referral" && !referralAgencyId ? "advice" : outcome,
    referralAgencyId,
    emergency,
    emergencyNote: emergency ? random.pick(phrases.emergencyNotes) : null,
    informationShared: emergency || (outcome === "referral" && random.chance(0.7)),
    outOfScope: ageBand === "out_of_range",
  };
}

/** 対応の内容 as the outcome implies it; 新規/継続 is left to the record's own derivation. */
function actionsFor(random: Random, outcome: Outcome): string[] {
  switch (outcome) {
    case "advice":
      return random.chance(0.3) ? ["listening", "information"] : ["listening"];
    case "referral":
      return random.chance(0.4) ? ["information", "introduced", "connected"] : ["information", "introduced"];
    case "emergency":
      return ["emergency", "connected"];
    case "phone":
      return ["listening", "moved_to_phone"];
    case "continued":
      return ["listening"];
    case "ended_by_youth":
      return random.chance(0.3) ? ["silent_prank"] : ["listening"];
  }
}
