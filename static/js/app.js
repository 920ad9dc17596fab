// Small progressive enhancements; every page works without this file.
document.addEventListener("focusin", (event) => {
  if (event.target.matches("[data-select-on-focus]")) {
    event.target.select();
  }
});

// Copy a draft's subject and text for pasting into any mail program.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy-draft]");
  if (!button) return;
  const form = button.closest("form");
  const subject = form.querySelector("[name=subject]").value;
  const body = form.querySelector("[name=body]").value;
  const status = document.getElementById("copy-status");
  try {
    await navigator.clipboard.writeText(subject ? `${subject}\n\n${body}` : body);
    if (status) status.textContent = "Copied. Paste it into your mail, then record it here once sent.";
  } catch {
    if (status) status.textContent = "Copying is not allowed here; select the text and copy it.";
  }
});

// After the live check, point "Open in my mail app" at the edited text.
document.addEventListener("htmx:afterSwap", () => {
  const fresh = document.querySelector("[data-mailto-update]");
  const link = document.getElementById("mailto-link");
  if (fresh && link) link.href = fresh.href;
});

document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
