/**
 * The web chat page as plain strings, so it ships without a build step: an HTML shell, one
 * module script and one stylesheet, each served from its own URL under a strict CSP.
 * The script renders every server text with textContent, never as HTML, and only follows
 * http(s) links. The page's own labels are few and Vietnamese; the bot's texts come from the
 * server in the person's language.
 */

const html = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>ChoEm</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/webchat/app.css">
<script type="module" src="/webchat/app.js"></script>
</head>
<body>
<header class="bar">
<h1>ChoEm</h1>
<button id="lang" class="lang" type="button" lang="en">English</button>
</header>
<main id="log" class="log" role="log" aria-live="polite" aria-label="Cuộc trò chuyện"></main>
<p id="status" class="status" role="status" hidden>Mất kết nối, đang thử lại…</p>
<form id="composer" class="composer" autocomplete="off">
<label for="input" class="visually-hidden">Tin nhắn</label>
<label class="attach" title="Đính kèm tệp">📎<span class="visually-hidden">Đính kèm tệp (PDF, ảnh, video; tối đa 20 MB)</span><input id="file" type="file" accept="application/pdf,image/jpeg,image/png,image/webp,video/mp4,video/webm,video/quicktime,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt"></label>
<input id="input" name="text" type="text" placeholder="Nhập tin nhắn…" maxlength="4000" enterkeyhint="send">
<button type="submit">Gửi</button>
</form>
<noscript><p class="status">Trang này cần bật JavaScript.</p></noscript>
</body>
</html>
`;

// String.raw, so a regex or "\n" added later reaches the browser as written; the script
// itself must avoid backticks and "${".
// biome-ignore lint/complexity/noUselessStringRaw: guards future edits, see above
const script = String.raw`const STORE = "choem.webchat.";
const API = "/webchat/api/messages";
const FILES = "/webchat/api/files";
// As on Telegram, where a bot can take files up to 20 MB.
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const SESSION = "/webchat/api/session";
const OFFLINE = "Mất kết nối, đang thử lại…";
const BUSY = "Có quá nhiều cuộc trò chuyện mới từ mạng này, ChoEm thử lại sau ít phút…";
const log = document.getElementById("log");
const form = document.getElementById("composer");
const input = document.getElementById("input");
const fileInput = document.getElementById("file");
const langButton = document.getElementById("lang");
const statusLine = document.getElementById("status");

// randomUUID exists only in secure contexts; a phone on the LAN opens plain http.
function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}
function load(key) {
  try { return localStorage.getItem(STORE + key); } catch { return null; }
}
function save(key, value) {
  try { localStorage.setItem(STORE + key, value); } catch { /* private mode: this visit only */ }
}
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function showStatus(text) {
  statusLine.textContent = text;
  statusLine.hidden = false;
}

// The conversation itself is known only to the server, through an httpOnly cookie. A new
// "generation" starts when the session ended (expired or erased): older loops then stop.
const state = { lang: load("lang") === "en" ? "en" : "vi", cursor: "0", pending: new Set(), generation: 0, farewell: null };
const ENDED = new Error("session ended");

function safeUrl(raw) {
  try {
    const url = new URL(raw, location.href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch { return null; }
}
function addText(el, text) {
  if (!text) return;
  const p = document.createElement("p");
  p.textContent = text;
  el.append(p);
}
function addLink(el, raw, label) {
  const href = safeUrl(raw);
  if (!href) return;
  const a = document.createElement("a");
  a.href = href;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  a.textContent = label;
  el.append(a);
}
function addChoices(el, rows) {
  if (!Array.isArray(rows)) return;
  for (const row of rows) {
    const line = document.createElement("div");
    line.className = "choices";
    for (const option of row) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = option.label;
      button.addEventListener("click", () => send("choice", { value: option.value, text: option.label }, option.label));
      line.append(button);
    }
    el.append(line);
  }
}
function show(el) {
  log.append(el);
  log.scrollTop = log.scrollHeight;
}
function bubble(from, text) {
  const el = document.createElement("div");
  el.className = "msg " + from;
  addText(el, text);
  return el;
}

function render(entry) {
  // The page already shows what it sent itself; the copy kept for reloads is skipped.
  if (entry.from === "user" && entry.clientId && state.pending.delete(entry.clientId)) return;
  // The bot writes in the person's language: a change made in the chat's own menu shows here too.
  if (entry.from === "bot" && (entry.language === "vi" || entry.language === "en") && entry.language !== state.lang) {
    state.lang = entry.language;
    save("lang", state.lang);
    showLanguage();
  }
  const m = entry.message;
  const el = bubble(entry.from === "user" ? "user" : "bot");
  if (m.kind === "text") {
    addText(el, m.text);
    addChoices(el, m.choices);
  } else if (m.kind === "media") {
    const href = m.source && m.source.kind === "url" ? safeUrl(m.source.url) : null;
    if (href && m.media === "photo") {
      const img = document.createElement("img");
      img.src = href;
      img.alt = "Ảnh";
      img.addEventListener("load", () => { log.scrollTop = log.scrollHeight; });
      el.append(img);
    } else if (href) {
      addLink(el, href, m.media === "video" ? "▶ Xem video" : "📄 Mở tài liệu");
    }
    addText(el, m.caption);
    addChoices(el, m.choices);
  } else if (m.kind === "link") {
    addText(el, m.text);
    addLink(el, m.url, m.title || m.url);
  } else {
    return;
  }
  show(el);
}

// The same id on every retry lets the server drop a copy whose answer was lost on the way.
async function post(id, type, fields) {
  const body = JSON.stringify(Object.assign({ id, type, language: state.lang }, fields));
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const response = await fetch(API, { method: "POST", headers: { "content-type": "application/json" }, body });
      if (response.ok) return true;
      if (response.status === 401) restart();
      if (response.status < 500) return false;
    } catch { /* offline for a moment: try again */ }
    await pause(1000 * 2 ** attempt);
  }
  return false;
}
function send(type, fields, shown) {
  const id = newId();
  let el = null;
  if (shown) {
    state.pending.add(id);
    el = bubble("user", shown);
    show(el);
  }
  deliver(id, () => post(id, type, fields), el);
}
// A message that did not go out stays on screen with one tap to send it again, under the same
// id, so the server still takes it once however many taps it took.
function deliver(id, transmit, el) {
  transmit().then((ok) => {
    if (ok || !el) return;
    el.classList.add("failed");
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "note";
    retry.textContent = state.lang === "en" ? "Not sent · tap to send again" : "Chưa gửi được · bấm để gửi lại";
    retry.addEventListener("click", () => {
      retry.remove();
      el.classList.remove("failed");
      deliver(id, transmit, el);
    });
    el.append(retry);
  });
}

async function fetchMessages(wait, generation) {
  const query = "?after=" + encodeURIComponent(state.cursor);
  const response = await fetch(API + query + (wait ? "&wait=1" : ""), { cache: "no-store" });
  if (response.status === 401) {
    // An erased conversation leaves its confirmation for this page, shown once in the new one.
    const body = await response.json().catch(() => ({}));
    if (typeof body.farewell === "string") state.farewell = body.farewell;
    throw ENDED;
  }
  if (!response.ok) throw new Error("HTTP " + response.status);
  const data = await response.json();
  if (generation !== state.generation) return 0;
  for (const entry of data.messages) {
    render(entry);
    state.cursor = entry.id;
  }
  statusLine.hidden = true;
  return data.messages.length;
}
async function pollForever(generation) {
  let delay = 1000;
  while (generation === state.generation) {
    const started = Date.now();
    try {
      const count = await fetchMessages(true, generation);
      delay = 1000;
      if (count === 0 && Date.now() - started < 500) await pause(1000);
    } catch (error) {
      if (error === ENDED) return restart();
      showStatus(OFFLINE);
      await pause(delay);
      delay = Math.min(delay * 2, 15000);
    }
  }
}

function showLanguage() {
  const other = state.lang === "vi" ? "en" : "vi";
  langButton.textContent = other === "en" ? "English" : "Tiếng Việt";
  langButton.lang = other;
  log.lang = state.lang;
}
langButton.addEventListener("click", () => {
  state.lang = state.lang === "vi" ? "en" : "vi";
  save("lang", state.lang);
  showLanguage();
  send("command", { text: state.lang === "en" ? "/language en" : "/ngonngu vi" });
});
// A file goes as its bytes, named in the query; the server keeps it and answers like a message.
async function postFile(id, file) {
  const query = "?id=" + encodeURIComponent(id) + "&name=" + encodeURIComponent(file.name.slice(0, 200));
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const response = await fetch(FILES + query, { method: "POST", headers: { "content-type": file.type || "application/octet-stream" }, body: file });
      if (response.ok) return true;
      if (response.status === 401) restart();
      if (response.status < 500) return false;
    } catch { /* offline for a moment: try again */ }
    await pause(1000 * 2 ** attempt);
  }
  return false;
}
fileInput.addEventListener("change", () => {
  const file = fileInput.files && fileInput.files[0];
  fileInput.value = "";
  if (!file) return;
  const id = newId();
  const el = bubble("user", "📎 " + file.name);
  show(el);
  if (file.size > MAX_FILE_BYTES) {
    el.classList.add("failed");
    const note = document.createElement("small");
    note.className = "note";
    note.textContent = state.lang === "en" ? "Too large: 20 MB at most" : "Tệp lớn quá: tối đa 20 MB";
    el.append(note);
    return;
  }
  state.pending.add(id);
  deliver(id, () => postFile(id, file), el);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  send("text", { text }, text);
  input.focus();
});

// Creates the conversation when there is none; with a live cookie the server keeps it.
async function openSession() {
  for (let delay = 2000; ; delay = Math.min(delay * 2, 60000)) {
    try {
      const response = await fetch(SESSION, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      if (response.ok) return;
      showStatus(response.status === 429 ? BUSY : OFFLINE);
    } catch {
      showStatus(OFFLINE);
    }
    await pause(delay);
  }
}

// Shown by the page alone: a visit that goes no further leaves no record of a person.
function welcome() {
  const el = bubble("bot", "ChoEm xin chào anh/chị!");
  addText(el, "Bấm “Bắt đầu” để xem ChoEm giúp được những gì.");
  const line = document.createElement("div");
  line.className = "choices";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Bắt đầu";
  button.addEventListener("click", () => send("command", { text: "/start" }));
  line.append(button);
  el.append(line);
  show(el);
}

async function start() {
  const generation = ++state.generation;
  state.cursor = "0";
  state.pending.clear();
  log.replaceChildren();
  await openSession();
  let total = 0;
  for (;;) {
    try {
      let count;
      do {
        count = await fetchMessages(false, generation);
        total += count;
      } while (count === 100);
      break;
    } catch (error) {
      showStatus(OFFLINE);
      await pause(2000);
      // Ended between opening and reading (erased, or the browser keeps no cookie): begin again.
      if (error === ENDED) return start();
    }
  }
  statusLine.hidden = true;
  if (state.farewell) show(bubble("bot", state.farewell));
  state.farewell = null;
  if (total === 0) welcome();
  pollForever(generation);
}

let restarting = null;
function restart() {
  restarting ??= start().finally(() => { restarting = null; });
  return restarting;
}
showLanguage();
restart();
`;

const style = `*{box-sizing:border-box}
html,body{height:100%;margin:0}
body{display:flex;flex-direction:column;height:100dvh;background:#eef2f1;color:#17201c;
font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
.bar{display:flex;align-items:center;justify-content:space-between;gap:.5rem;
padding:.5rem .75rem;background:#0b6e4f;color:#fff}
.bar h1{margin:0;font-size:1.2rem;letter-spacing:.02em}
.lang{min-height:40px;padding:0 .8rem;border:1px solid #fff;border-radius:1.2rem;background:transparent;
color:#fff;font:inherit;font-size:.9rem;cursor:pointer}
.log{flex:1;overflow-y:auto;padding:.75rem;display:flex;flex-direction:column;gap:.55rem}
.msg{max-width:88%;padding:.55rem .8rem;border-radius:1rem;background:#fff;overflow-wrap:anywhere;
box-shadow:0 1px 2px rgba(0,0,0,.12)}
.msg.bot{align-self:flex-start;border-bottom-left-radius:.3rem}
.msg.user{align-self:flex-end;background:#cdeedd;border-bottom-right-radius:.3rem}
.msg p{margin:0;white-space:pre-wrap}
.msg p+p{margin-top:.35rem}
.msg img{display:block;max-width:100%;height:auto;border-radius:.6rem;margin:.2rem 0 .35rem}
.msg a{display:inline-block;padding:.3rem 0;color:#0a58ca;font-weight:600}
.choices{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.5rem}
.choices button{flex:1 1 0;min-width:5.5rem;min-height:44px;padding:.35rem .6rem;border:1px solid #0b6e4f;
border-radius:.7rem;background:#f6fbf8;color:#0b5a41;font:inherit;font-weight:600;cursor:pointer}
.choices button:hover{background:#e1f3ea}
button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #e39b00;outline-offset:2px}
.composer{display:flex;gap:.5rem;padding:.5rem .6rem max(.5rem,env(safe-area-inset-bottom));
background:#fff;border-top:1px solid #cfd8d4}
.composer input{flex:1;min-width:0;min-height:44px;padding:.5rem .9rem;border:1px solid #7d8b85;
border-radius:1.4rem;font:inherit;color:inherit;background:#fff}
.composer button{min-height:44px;padding:0 1.2rem;border:0;border-radius:1.4rem;background:#0b6e4f;
color:#fff;font:inherit;font-weight:600;cursor:pointer}
.status{margin:0;padding:.35rem .75rem;background:#fff1c2;font-size:.9rem;text-align:center}
.failed{opacity:.75}
.note{display:block;margin-top:.2rem;font-size:.8rem;color:#a3122b}
.attach{display:flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;font-size:1.3rem;cursor:pointer}
.attach input{position:absolute;width:1px;height:1px;opacity:0}
button.note{min-height:32px;padding:0;border:0;background:none;text-decoration:underline;cursor:pointer}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;

/** The three resources of the page, served by the web chat adapter. */
export const webChatPage = { html, script, style } as const;
