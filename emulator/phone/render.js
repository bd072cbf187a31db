// Drawing the talk and the rich menu. Everything the bot or the app sends is shown with
// textContent, never as HTML: the point of the page is to test what a real phone would show.

/** Builds an element; children are nodes or strings (strings become text nodes). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "className") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "style") Object.assign(node.style, value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const time = (ms) => new Date(ms).toLocaleTimeString("ja-JP", { hour: "2-digit", minute: "2-digit" });

function describeUserMessage(message) {
  switch (message.type) {
    case "text":
      return message.text;
    case "sticker":
      return "（スタンプ）";
    case "image":
      return "（画像）";
    case "video":
      return "（動画）";
    case "audio":
      return "（音声）";
    case "file":
      return `（ファイル: ${message.fileName}）`;
    case "location":
      return `📍 ${message.title ?? "位置情報"}`;
    default:
      return `（${message.type}）`;
  }
}

export function actionLabel(action) {
  return action.label ?? action.displayText ?? action.text ?? action.type;
}

/** `handlers.onAction(action)` runs a LINE action object; `handlers.onUnsend(messageId)` unsends. */
export function createRenderer(ui, handlers) {
  function actionButton(action, key) {
    return el("button", { type: "button", dataset: { key }, onclick: () => handlers.onAction(action) }, actionLabel(action));
  }

  function card({ title, text, actions }, key) {
    return el(
      "div",
      { className: "card" },
      title ? el("div", { className: "title" }, title) : null,
      text ? el("div", { className: "text" }, text) : null,
      actions?.length ? el("div", { className: "actions" }, ...actions.map((a, i) => actionButton(a, `${key}:${i}`))) : null,
    );
  }

  /** Flex is drawn as its texts and buttons in order: enough to read it and press it. */
  function flexCard(message, key) {
    const texts = [];
    const actions = [];
    const walk = (node) => {
      if (!node || typeof node !== "object") return;
      if (node.type === "text") texts.push(node.text ?? (node.contents ?? []).map((s) => s.text ?? "").join(""));
      if (node.type === "button" && node.action) actions.push(node.action);
      for (const part of ["header", "hero", "body", "footer"]) walk(node[part]);
      if (Array.isArray(node.contents)) node.contents.forEach(walk);
    };
    walk(message.contents);
    return card({ text: texts.length ? texts.join("\n") : message.altText, actions }, key);
  }

  function botContent(message, key) {
    switch (message.type) {
      case "text":
      case "textV2":
        return el("div", { className: "bubble" }, message.text);
      case "sticker":
        return el("div", { className: "bubble" }, "（スタンプ）");
      case "image":
      case "video":
      case "audio":
        return el("div", { className: "bubble" }, `（${{ image: "画像", video: "動画", audio: "音声" }[message.type]}）`);
      case "location":
        return el("div", { className: "bubble" }, `📍 ${message.title}\n${message.address}`);
      case "template": {
        const t = message.template;
        if (t.type === "carousel") return el("div", { className: "carousel" }, ...t.columns.map((c, i) => card(c, `${key}:c${i}`)));
        if (t.type === "image_carousel") return card({ text: message.altText, actions: t.columns.map((c) => c.action) }, key);
        return card(t, key);
      }
      case "flex":
        return flexCard(message, key);
      default:
        return el("div", { className: "bubble" }, message.altText ?? `（${message.type}）`);
    }
  }

  function userMeta(entry, readUpToSeq) {
    const meta = el("div", { className: "meta" });
    if (entry.delivery && !entry.delivery.delivered) {
      meta.append(el("span", { className: "failed" }, `未達 ${entry.delivery.lastStatus ?? "接続不可"}`));
    }
    if (entry.seq <= readUpToSeq) meta.append(el("span", {}, "既読"));
    meta.append(el("span", {}, time(entry.at)));
    if (entry.kind === "message" && !entry.unsent) {
      meta.append(
        el(
          "button",
          { type: "button", dataset: { key: `${entry.seq}:unsend` }, onclick: () => handlers.onUnsend(entry.message.id) },
          "送信取消",
        ),
      );
    }
    return meta;
  }

  function renderEntry(entry, readUpToSeq) {
    const key = String(entry.seq);
    if (entry.from === "bot") {
      return el("div", { className: "row bot" }, botContent(entry.message, key), el("div", { className: "meta" }, time(entry.at)));
    }
    switch (entry.kind) {
      case "message":
        return el(
          "div",
          { className: "row user" },
          entry.unsent
            ? el("div", { className: "bubble unsent" }, "メッセージの送信を取り消しました")
            : el("div", { className: "bubble" }, describeUserMessage(entry.message)),
          userMeta(entry, readUpToSeq),
        );
      case "postback":
        return entry.displayText
          ? el("div", { className: "row user" }, el("div", { className: "bubble" }, entry.displayText), userMeta(entry, readUpToSeq))
          : el("div", { className: "row system" }, el("div", { className: "bubble" }, `ポストバック: ${entry.data}`));
      case "follow":
        return el("div", { className: "row system" }, el("div", { className: "bubble" }, "友だち追加しました"));
      case "unfollow":
        return el("div", { className: "row system" }, el("div", { className: "bubble" }, "ブロックしました"));
      default:
        return null;
    }
  }

  function renderTimeline(timeline) {
    const atBottom = ui.talk.scrollHeight - ui.talk.scrollTop - ui.talk.clientHeight < 40;
    // Redrawing replaces the buttons; keep keyboard focus where it was.
    const focusedKey = document.activeElement?.dataset?.key;
    ui.talk.replaceChildren(...timeline.entries.map((e) => renderEntry(e, timeline.readUpToSeq)).filter(Boolean));

    const last = timeline.entries.at(-1);
    const items = last?.from === "bot" ? (last.message.quickReply?.items ?? []) : [];
    ui.quickReplies.replaceChildren(...items.map((item, i) => actionButton(item.action, `qr:${last.seq}:${i}`)));

    if (focusedKey) document.querySelector(`[data-key="${CSS.escape(focusedKey)}"]`)?.focus();
    if (atBottom) ui.talk.scrollTop = ui.talk.scrollHeight;
  }

  function renderRichMenu(menu) {
    ui.richMenu.hidden = !menu;
    if (!menu) return;
    ui.richMenuToggle.textContent = `${menu.chatBarText} ${ui.richMenuAreas.hidden ? "▲" : "▼"}`;
    ui.richMenuAreas.style.aspectRatio = `${menu.size.width} / ${menu.size.height}`;
    ui.richMenuAreas.style.backgroundImage = menu.imageUrl ? `url("${menu.imageUrl}")` : "none";
    const pct = (value, total) => `${(value / total) * 100}%`;
    ui.richMenuAreas.replaceChildren(
      ...menu.areas.map((area, i) => {
        const button = actionButton(area.action, `rm:${i}`);
        Object.assign(button.style, {
          left: pct(area.bounds.x, menu.size.width),
          top: pct(area.bounds.y, menu.size.height),
          width: pct(area.bounds.width, menu.size.width),
          height: pct(area.bounds.height, menu.size.height),
        });
        return button;
      }),
    );
  }

  return { renderTimeline, renderRichMenu };
}
