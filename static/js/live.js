// Live notes that never lose a word.
// Every keystroke is kept in this browser (localStorage) at once, and sent to the server a
// few seconds later and on blur. Each save names the version it started from; when another
// tab saved first, the server refuses and both texts are shown. On reload, text the server
// never got comes back from localStorage and is sent again.
(() => {
  const root = document.querySelector("[data-live]");
  if (!root) return;
  const saveUrl = root.dataset.saveUrl;
  const storagePrefix = `careerscout:notes:${root.dataset.conversation}:`;
  const csrf = document.querySelector("[name=csrfmiddlewaretoken]").value;
  const stateLabel = root.querySelector("[data-save-state]");
  const fields = [...root.querySelectorAll("[data-notes-field]")];
  const pending = new Set();
  const maxBytes = Number(root.dataset.maxBytes) || Infinity;
  const tooLong = new Set();  // fields whose notes are over what the server accepts
  let conflictField = null;

  const stored = (field) => {
    try { return JSON.parse(localStorage.getItem(storagePrefix + field)); } catch { return null; }
  };
  const remember = (area) => {
    try {
      localStorage.setItem(storagePrefix + area.dataset.notesField,
        JSON.stringify({ text: area.value, version: Number(area.dataset.version) }));
    } catch {
      // The device's storage is full: say so while the words are still on the screen.
      stateLabel.textContent = "This device cannot keep more: copy your notes somewhere safe.";
    }
  };
  const forget = (field) => localStorage.removeItem(storagePrefix + field);

  const showState = () => {
    if (conflictField) { stateLabel.textContent = "Not saved yet: choose a version below"; }
    else if (tooLong.size) { stateLabel.textContent = `Too long to save (the limit is ${root.dataset.maxText}): kept on this device only. Shorten the notes, or copy them somewhere safe.`; }
    else if (pending.size && !navigator.onLine) { stateLabel.textContent = "Offline: not saved yet, kept on this device"; }
    else if (pending.size) { stateLabel.textContent = "Not saved yet"; }
    else { stateLabel.textContent = "All saved"; }
    stateLabel.classList.toggle("save-state--pending", pending.size > 0 || !!conflictField);
  };

  const showConflict = (area, theirs) => {
    conflictField = area;
    const box = root.querySelector("[data-conflict]");
    box.querySelector("[data-conflict-mine]").textContent = area.value;
    box.querySelector("[data-conflict-theirs]").textContent = theirs.text;
    box.dataset.theirVersion = theirs.version;
    box.dataset.theirText = theirs.text;
    box.hidden = false;
    showState();
  };

  root.querySelector("[data-conflict]").addEventListener("click", (event) => {
    const choice = event.target.closest("[data-keep]");
    if (!choice || !conflictField) return;
    const box = event.currentTarget;
    const area = conflictField;
    area.dataset.version = box.dataset.theirVersion;
    if (choice.dataset.keep === "theirs") area.value = box.dataset.theirText;
    conflictField = null;
    box.hidden = true;
    remember(area);
    pending.add(area);
    save(area);
  });

  async function save(area) {
    if (area === conflictField) return;
    const field = area.dataset.notesField;
    const sent = area.value;
    const payload = JSON.stringify({ field, text: sent, version: Number(area.dataset.version) });
    // Checked before sending: the server would refuse it, and the words must stay here.
    if (new Blob([payload]).size > maxBytes) { tooLong.add(area); pending.add(area); showState(); return; }
    tooLong.delete(area);
    try {
      const response = await fetch(saveUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
        body: payload,
        credentials: "same-origin",
      });
      if (response.status === 413) { tooLong.add(area); pending.add(area); showState(); return; }
      const body = await response.json();
      if (response.status === 409) { showConflict(area, body); return; }
      if (!response.ok) throw new Error(body.detail || response.status);
      area.dataset.version = body.version;
      if (area.value === sent) { pending.delete(area); forget(field); } else { remember(area); }
    } catch {
      pending.add(area);  // offline or server down: kept locally, retried below
    }
    showState();
  }

  const saveAll = () => { for (const area of [...pending]) save(area); };

  for (const area of fields) {
    const kept = stored(area.dataset.notesField);
    if (kept && kept.text !== area.value) {
      area.value = kept.text;
      area.dataset.version = kept.version;
      pending.add(area);
    }
    area.addEventListener("input", () => { remember(area); pending.add(area); showState(); });
    area.addEventListener("blur", () => { if (pending.has(area)) save(area); });
  }
  setInterval(saveAll, 3000);
  window.addEventListener("online", saveAll);
  window.addEventListener("offline", showState);
  window.addEventListener("beforeunload", (event) => {
    if (pending.size) { saveAll(); event.preventDefault(); }
  });
  root.querySelector("[data-end-call]").addEventListener("click", (event) => {
    if (pending.size || conflictField) {
      event.preventDefault();
      saveAll();
      stateLabel.textContent = "Saving your last words first… then press again.";
    }
  });
  showState();
  if (pending.size) {
    saveAll();
    // Words restored from this device go to the side panel too.
    fields.find((area) => pending.has(area)).dispatchEvent(new Event("input", { bubbles: true }));
  }

  // The timer: counts up against the agreed length and warns five minutes before the end.
  // Ending the call (or opening the page after it) stops it for good.
  const timerKey = `${storagePrefix}timer`;
  root.querySelector("[data-end-call]").addEventListener("click", (event) => {
    if (!event.defaultPrevented) localStorage.removeItem(timerKey);
  });
  if (!root.querySelector("[data-timer]")) { localStorage.removeItem(timerKey); return; }
  const display = root.querySelector("[data-timer-display]");
  const toggle = root.querySelector("[data-timer-toggle]");
  const warning = root.querySelector("[data-timer-warning]");
  const limit = Number(root.dataset.minutes) * 60;
  let startedAt = Number(localStorage.getItem(timerKey)) || null;
  const tick = () => {
    if (!startedAt) return;
    const seconds = Math.floor((Date.now() - startedAt) / 1000);
    display.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
    const late = seconds >= limit - 300;
    warning.hidden = !late;
    root.querySelector("[data-timer]").classList.toggle("timer--late", seconds >= limit);
  };
  toggle.addEventListener("click", () => {
    if (startedAt) { startedAt = null; localStorage.removeItem(timerKey); toggle.textContent = "Start timer"; display.textContent = "0:00"; warning.hidden = true; return; }
    startedAt = Date.now();
    localStorage.setItem(timerKey, String(startedAt));
    toggle.textContent = "Reset timer";
    tick();
  });
  if (startedAt) toggle.textContent = "Reset timer";
  setInterval(tick, 1000);
  tick();
})();
