// Time-zone pickers: a filter box above each one, and at sign-up the browser's own zone.
(() => {
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  for (const select of document.querySelectorAll("select[data-zone-picker]")) {
    // Only on a fresh form: after a refused submit, the choice shown is the person's own.
    if (select.hasAttribute("data-browser-zone")) {
      const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const known = [...select.options].some((option) => option.value === browserZone);
      const untouched = !select.closest("form").querySelector(".errorlist");
      if (browserZone && known && untouched) select.value = browserZone;
    }
    const filter = document.createElement("input");
    filter.type = "search";
    filter.className = "zone-filter";
    filter.placeholder = "Type a city or region to narrow the list";
    filter.setAttribute("aria-label", "Filter the time zones");
    filter.setAttribute("aria-controls", select.id);
    select.before(filter);
    filter.addEventListener("input", () => {
      const words = fold(filter.value).split(/\s+/).filter(Boolean);
      let first = null;
      for (const option of select.options) {
        const text = fold(`${option.value} ${option.text}`);
        const shown = option.value === "" || words.every((word) => text.includes(word));
        option.hidden = !shown;
        if (shown && option.value && !first) first = option;
      }
      for (const group of select.querySelectorAll("optgroup")) {
        group.hidden = [...group.children].every((option) => option.hidden);
      }
      const current = select.selectedOptions[0];
      if (first && (!current || current.hidden || current.value === "")) select.value = first.value;
    });
  }
})();
