"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useSyncExternalStore, useTransition } from "react";
import { ja } from "@/lib/i18n/ja";

type ConsoleEvent = { kind: string; consultationId?: string; staffId?: string };

type Pref = "sound" | "notify";

/**
 * Alert preferences live in this browser's localStorage (per person and machine, nothing on the server).
 * Until someone chooses, `fallback` applies: supervisors hear alerts by default.
 */
const prefs = {
  listeners: new Set<() => void>(),
  get(key: Pref, fallback = false) {
    if (typeof localStorage === "undefined") return fallback;
    const stored = localStorage.getItem(`soudan.${key}`);
    return stored === null ? fallback : stored === "1";
  },
  set(key: Pref, value: boolean) {
    localStorage.setItem(`soudan.${key}`, value ? "1" : "0");
    for (const l of prefs.listeners) l();
  },
  subscribe(listener: () => void) {
    prefs.listeners.add(listener);
    return () => prefs.listeners.delete(listener);
  },
};

/** A risk alert sounds higher than an arrival, so a supervisor can tell them apart without looking. */
const ARRIVAL_PITCH = 880;
const RISK_PITCH = 1320;

function usePref(key: Pref, fallback: boolean): boolean {
  return useSyncExternalStore(prefs.subscribe, () => prefs.get(key, fallback), () => fallback);
}

function announce(message: string, pitch: number, soundByDefault: boolean) {
  if (prefs.get("sound", soundByDefault)) {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = pitch;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.2);
  }
  if (prefs.get("notify") && "Notification" in window && Notification.permission === "granted") {
    // No pseudonym or content: a notification can be seen over the counselor's shoulder.
    new Notification(message, { requireInteraction: pitch !== ARRIVAL_PITCH });
  }
}

/**
 * Keeps a server-rendered page live: every console event (ids only) that concerns it triggers a
 * refresh, so the page re-reads through the same guarded server code. `consultationId` limits it
 * to one conversation; `alertOnArrival` plays a sound and shows a browser notification (opt-in,
 * remembered in this browser) when a youth joins the queue; `alertOnRisk` does the same, more
 * insistently, when a message raises a consultation's risk (the supervisor's page). `alsoWatch` names the
 * counselor's other held consultations, whose tabs show unread and risk badges.
 */
export function LiveRefresh({
  consultationId,
  alsoWatch = [],
  alertOnArrival = false,
  alertOnRisk = false,
  soundByDefault = false,
}: {
  consultationId?: string;
  alsoWatch?: string[];
  alertOnArrival?: boolean;
  alertOnRisk?: boolean;
  soundByDefault?: boolean;
}) {
  const router = useRouter();
  const [connected, setConnected] = useState(false);
  const sound = usePref("sound", soundByDefault);
  const notify = usePref("notify", false);
  const watched = alsoWatch.join(",");
  // `stale`: an event arrived that the page has not re-read yet. `refreshing`: a refresh is being fetched and applied.
  const [stale, setStale] = useState(false);
  const [refreshing, startRefresh] = useTransition();

  // A throttle, not a debounce: a timer restarted on every event never fired while messages kept
  // arriving, so on a busy night a page stayed as it was. The first event of a burst refreshes within
  // 150 ms; events during that wait or during the refresh make one more refresh after it, never one
  // alongside it (two in flight would race each other).
  useEffect(() => {
    if (!stale || refreshing) return;
    const timer = setTimeout(() => {
      setStale(false);
      startRefresh(() => router.refresh());
    }, 150);
    return () => clearTimeout(timer);
  }, [stale, refreshing, router]);

  useEffect(() => {
    const refresh = () => setStale(true);
    const source = new EventSource("/api/console/events");
    source.addEventListener("ready", () => {
      setConnected(true);
      refresh();
    });
    source.addEventListener("console", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as ConsoleEvent;
      const concerns = !consultationId || event.consultationId === consultationId || event.kind === "assignment" || (event.consultationId !== undefined && watched.split(",").includes(event.consultationId));
      if (!concerns) return;
      if (alertOnArrival && event.kind === "queue") announce(ja.console.newArrival, ARRIVAL_PITCH, soundByDefault);
      if (alertOnRisk && event.kind === "risk") announce(ja.console.riskArrival, RISK_PITCH, soundByDefault);
      if (alertOnRisk && event.kind === "emergency") announce(ja.emergency.alert, RISK_PITCH, soundByDefault);
      refresh();
    });
    source.onerror = () => {
      setConnected(false);
      // A refused stream (the session ended: idle, deactivated) is not retried by the browser, and
      // 再接続しています would wait forever: reloading lets the server send the person to the sign-in page, which says why.
      if (source.readyState === EventSource.CLOSED) window.location.reload();
    };
    return () => source.close();
  }, [router, consultationId, watched, alertOnArrival, alertOnRisk, soundByDefault]);

  function toggle(key: Pref, value: boolean) {
    prefs.set(key, value);
    if (key === "notify" && value && "Notification" in window) void Notification.requestPermission();
  }

  return (
    <div className="flex flex-wrap items-center gap-4 text-sm">
      {/* data-refreshing: e2e/fixtures.ts waits for "no" before axe reads the page, which mid-refresh can lack its <title>. */}
      <span
        role="status"
        data-testid="live-status"
        data-connected={connected ? "yes" : "no"}
        data-refreshing={stale || refreshing ? "yes" : "no"}
        className={connected ? "text-green-800" : "text-amber-800"}
      >
        {connected ? `● ${ja.console.live}` : ja.console.offline}
      </span>
      {alertOnArrival ? (
        <>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={sound} onChange={(e) => toggle("sound", e.target.checked)} />
            {alertOnRisk ? ja.console.soundOnRisk : ja.console.soundOn}
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={notify} onChange={(e) => toggle("notify", e.target.checked)} />
            {ja.console.notifyOn}
          </label>
        </>
      ) : null}
    </div>
  );
}
