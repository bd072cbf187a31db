// The phone page of the LINE emulator: polls the emulator for the talk, turns taps into webhook events.

import { actionLabel, createRenderer, el } from "./render.js";

const POLL_MS = 1000;
const RICH_MENU_EVERY = 5;
/** 武雄市役所: where the location button says the youth is. */
const SAMPLE_LOCATION = { title: "武雄市役所", address: "佐賀県武雄市武雄町大字昭和12-10", latitude: 33.1937, longitude: 130.0192 };

const $ = (id) => document.getElementById(id);

const ui = {
  userSelect: $("user-select"),
  newUser: $("new-user"),
  friendStatus: $("friend-status"),
  follow: $("follow"),
  block: $("block"),
  talk: $("talk"),
  typing: $("typing"),
  quickReplies: $("quick-replies"),
  composer: $("composer"),
  text: $("text"),
  send: $("send"),
  sendSticker: $("send-sticker"),
  sendImage: $("send-image"),
  richMenu: $("richmenu"),
  richMenuToggle: $("richmenu-toggle"),
  richMenuAreas: $("richmenu-areas"),
  notice: $("notice"),
  browser: $("browser"),
  browserTitle: $("browser-title"),
  browserExternal: $("browser-external"),
  browserClose: $("browser-close"),
  browserMessage: $("browser-message"),
  browserFrame: $("browser-frame"),
};

const state = {
  config: null,
  userId: localStorage.getItem("emulator.userId"),
  timelineKey: "",
  richMenuKey: "",
  tick: 0,
  returnFocus: null,
};

const { renderTimeline, renderRichMenu } = createRenderer(ui, {
  onAction: (action) => void runAction(action),
  onUnsend: (messageId) => void act("/unsend", { messageId }),
});

async function call(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (res.headers.get("content-type") ?? "").includes("json") ? await res.json() : null;
  if (!res.ok) throw new Error(data?.message ?? `HTTP ${res.status}`);
  return data;
}

function notify(message) {
  ui.notice.textContent = message;
}

const userPath = (suffix) => `/_emulator/users/${encodeURIComponent(state.userId)}${suffix}`;

/** Runs a user action and says so when the app did not take the webhook. */
async function act(suffix, body) {
  if (!state.userId) return;
  try {
    const delivery = await call("POST", userPath(suffix), body);
    notify(
      delivery.delivered
        ? ""
        : `アプリがWebhookを受け取りませんでした（${delivery.lastStatus ?? "接続できません"}）。${delivery.redeliveryPending ? "再送します。" : ""}`,
    );
  } catch (error) {
    notify(`送信できませんでした: ${error.message}`);
  }
  await refresh();
}

const sendText = (text) => act("/messages", { type: "text", text });
const sendPostback = (data, displayText, params) => act("/postback", { data, ...(displayText && { displayText }), ...(params && { params }) });

// ---- users -----------------------------------------------------------------------------

async function loadUsers(selectId) {
  const { users } = await call("GET", "/_emulator/users");
  if (users.length === 0) {
    const created = await call("POST", "/_emulator/users", {});
    users.push(created);
  }
  const wanted = selectId ?? state.userId;
  state.userId = users.some((u) => u.userId === wanted) ? wanted : users[0].userId;
  localStorage.setItem("emulator.userId", state.userId);
  ui.userSelect.replaceChildren(
    ...users.map((u) => el("option", { value: u.userId }, `${u.displayName}（${u.userId.slice(0, 9)}…）`)),
  );
  ui.userSelect.value = state.userId;
}

function selectUser(userId) {
  state.userId = userId;
  state.timelineKey = "";
  state.richMenuKey = "";
  localStorage.setItem("emulator.userId", userId);
  notify("");
  void refresh();
  void refreshRichMenu();
}

function renderStatus(timeline) {
  const labels = { new: "未登録", following: "友だち", blocked: "ブロック中" };
  ui.friendStatus.textContent = labels[timeline.status] ?? timeline.status;
  ui.follow.disabled = timeline.status === "following";
  ui.follow.textContent = timeline.status === "blocked" ? "ブロック解除" : "友だち追加";
  ui.block.disabled = timeline.status !== "following";
  const blocked = timeline.status === "blocked";
  for (const control of [ui.text, ui.send, ui.sendSticker, ui.sendImage]) control.disabled = blocked;
  ui.typing.hidden = !timeline.loading;
}

async function refresh() {
  if (!state.userId) return;
  try {
    const timeline = await call("GET", userPath("/timeline"));
    renderStatus(timeline);
    const key = JSON.stringify(timeline.entries) + timeline.readUpToSeq;
    if (key !== state.timelineKey) {
      state.timelineKey = key;
      renderTimeline(timeline);
    }
  } catch (error) {
    notify(`エミュレーターに接続できません: ${error.message}`);
  }
}

// ---- rich menu --------------------------------------------------------------------------

async function refreshRichMenu() {
  if (!state.userId) return;
  try {
    const { richMenu } = await call("GET", userPath("/richmenu"));
    const key = JSON.stringify(richMenu);
    if (key !== state.richMenuKey) {
      state.richMenuKey = key;
      renderRichMenu(richMenu);
    }
  } catch {
    // The timeline poll reports a lost emulator; one message is enough.
  }
}

// ---- actions ----------------------------------------------------------------------------

async function runAction(action) {
  switch (action.type) {
    case "message":
      return sendText(action.text);
    case "postback":
      return sendPostback(action.data, action.displayText);
    case "uri":
      return openUri(action.uri);
    case "datetimepicker": {
      const formats = { date: "YYYY-MM-DD", time: "HH:mm", datetime: "YYYY-MM-DDTHH:mm" };
      const value = window.prompt(`${actionLabel(action)}（${formats[action.mode]}）`, action.initial ?? "");
      return value ? sendPostback(action.data, undefined, { [action.mode]: value }) : undefined;
    }
    case "camera":
    case "cameraRoll":
      return act("/messages", { type: "image" });
    case "location":
      return act("/messages", { type: "location", ...SAMPLE_LOCATION });
    case "clipboard":
      await navigator.clipboard?.writeText(action.clipboardText);
      return notify("クリップボードにコピーしました");
    default:
      return notify(`このアクションはエミュレーターでは使えません: ${action.type}`);
  }
}

/** https://liff.line.me/{liffId}/{path}?{query} opens the LIFF endpoint URL with path and query appended, as LINE does. */
function liffTarget(uri) {
  const { liffId, liffUrl } = state.config ?? {};
  if (!liffUrl) return null;
  const url = new URL(uri);
  if (url.origin === "https://liff.line.me") {
    const [, id, ...rest] = url.pathname.split("/");
    if (liffId && id !== liffId) return null;
    const base = liffUrl.replace(/\/$/, "");
    return `${base}${rest.length ? `/${rest.join("/")}` : ""}${url.search}`;
  }
  return uri.startsWith(liffUrl) ? uri : null;
}

function showBrowser(title, { src = null, message = null, external = null }) {
  state.returnFocus = document.activeElement;
  ui.browserTitle.textContent = title;
  ui.browserMessage.hidden = message === null;
  ui.browserMessage.textContent = message ?? "";
  ui.browserFrame.hidden = src === null;
  ui.browserFrame.src = src ?? "about:blank";
  ui.browserExternal.hidden = external === null;
  if (external) ui.browserExternal.href = external;
  ui.browser.hidden = false;
  ui.browserClose.focus();
}

function closeBrowser() {
  ui.browser.hidden = true;
  ui.browserFrame.src = "about:blank";
  state.returnFocus?.focus?.();
}

async function openUri(uri) {
  if (/^tel:/i.test(uri)) {
    return showBrowser("電話", { message: `電話をかける: ${uri.slice(4)}\n（エミュレーターでは発信しません）` });
  }
  const liff = /^https?:/i.test(uri) ? liffTarget(uri) : null;
  if (liff) {
    try {
      // LINE hands a LIFF app its tokens in the URL fragment; the app's LIFF mock reads id_token from there.
      const { idToken } = await call("POST", "/_emulator/liff/token", { userId: state.userId });
      const fragment = new URLSearchParams({ id_token: idToken, client_id: state.config.loginChannelId });
      return showBrowser("LIFF", { src: `${liff}#${fragment}`, external: liff });
    } catch (error) {
      return notify(`LIFFを開けませんでした: ${error.message}`);
    }
  }
  if (/^https?:/i.test(uri)) return showBrowser(uri, { src: uri, external: uri });
  return notify(`このURIはエミュレーターでは開けません: ${uri}`);
}

// ---- wiring -----------------------------------------------------------------------------

ui.userSelect.addEventListener("change", () => selectUser(ui.userSelect.value));
ui.newUser.addEventListener("click", async () => {
  const created = await call("POST", "/_emulator/users", {});
  await loadUsers(created.userId);
  selectUser(created.userId);
});
ui.follow.addEventListener("click", () => void act("/follow").then(refreshRichMenu));
ui.block.addEventListener("click", () => void act("/unfollow"));
ui.composer.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = ui.text.value.trim();
  if (!text) return;
  ui.text.value = "";
  void sendText(text);
});
ui.sendSticker.addEventListener("click", () => void act("/messages", { type: "sticker" }));
ui.sendImage.addEventListener("click", () => void act("/messages", { type: "image" }));
ui.richMenuToggle.addEventListener("click", () => {
  ui.richMenuAreas.hidden = !ui.richMenuAreas.hidden;
  ui.richMenuToggle.setAttribute("aria-expanded", String(!ui.richMenuAreas.hidden));
  state.richMenuKey = "";
  void refreshRichMenu();
});
ui.browserClose.addEventListener("click", closeBrowser);
ui.browser.addEventListener("keydown", (event) => {
  if (event.key === "Escape") closeBrowser();
});

async function start() {
  state.config = await call("GET", "/_emulator/config");
  await loadUsers();
  await refresh();
  await refreshRichMenu();
  setInterval(() => {
    state.tick += 1;
    void refresh();
    if (state.tick % RICH_MENU_EVERY === 0) void refreshRichMenu();
  }, POLL_MS);
}

start().catch((error) => notify(`エミュレーターに接続できません: ${error.message}`));
