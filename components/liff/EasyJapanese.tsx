"use client";

import { Fragment, useSyncExternalStore } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { easyVersion, parseRuby, rubyToKana } from "@/lib/i18n/client";
import { ja } from "@/lib/i18n/ja";

/**
 * やさしい日本語 on the youth's pages: one on/off choice per phone, kept in localStorage so it
 * survives a reload and the next consultation (it says nothing about the youth beyond wanting easy
 * words). A phone whose storage is blocked still switches, for as long as the page is open.
 */
const STORAGE_KEY = "soudan.easyJapanese";
const listeners = new Set<() => void>();
/** Used only when localStorage is blocked. */
let remembered = false;

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readChoice(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === "on";
  } catch {
    return remembered;
  }
}

function storeChoice(on: boolean) {
  try {
    window.localStorage.setItem(STORAGE_KEY, on ? "on" : "off");
  } catch {
    // Storage blocked: the choice lasts for this page only.
    remembered = on;
  }
  for (const listener of listeners) listener();
}

/** Whether the youth reads やさしい日本語, and the way to change it (the toggle, picking 小学生). */
export function useEasyJapanese(): [boolean, (on: boolean) => void] {
  return [useSyncExternalStore(subscribe, readChoice, () => false), storeChoice];
}

/**
 * Text with {漢字|かんじ} markup as <ruby>: the reading above the word, both read out by screen readers.
 * One span, so a flex parent (a choice's label) lays it out as one run of text.
 */
export function RubyText({ text }: { text: string }) {
  return (
    <span>
      {parseRuby(text).map((s, i) =>
        s.reading ? (
          <ruby key={i}>
            {s.text}
            <rt>{s.reading}</rt>
          </ruby>
        ) : (
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </span>
  );
}

/**
 * A youth-facing text from ja (or one the server sent, which is a ja text too): its easy version
 * with furigana when the youth reads やさしい日本語 and lib/i18n/easy has one, otherwise as it is.
 */
export function YouthText({ text }: { text: string }) {
  const [easy] = useEasyJapanese();
  return <RubyText text={easy ? easyVersion(text) : text} />;
}

/** The same for an attribute (placeholder, aria-label), where ruby cannot go: the easy version in kana. */
export function useYouthString(): (text: string) => string {
  const [easy] = useEasyJapanese();
  return (text) => (easy ? rubyToKana(easyVersion(text)) : text);
}

/** The visible switch 「やさしいにほんご」, pressed while the easy version is shown. */
export function EasyJapaneseToggle() {
  const [easy, setEasy] = useEasyJapanese();
  return (
    <button type="button" aria-pressed={easy} onClick={() => setEasy(!easy)} className={`${secondaryButtonClass} min-h-11 gap-2 text-base aria-pressed:border-brand-600 aria-pressed:bg-brand-50`}>
      <span aria-hidden="true" className={`inline-block size-4 rounded-full border-2 border-brand-600 ${easy ? "bg-brand-600" : "bg-white"}`} />
      {ja.liff.easyJapanese}
    </button>
  );
}
