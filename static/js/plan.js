// Drag a question to reorder the plan; the arrow buttons do the same without a mouse.
(() => {
  const list = document.querySelector("[data-plan]");
  if (!list) return;
  let dragged = null;
  list.addEventListener("dragstart", (event) => { dragged = event.target.closest("[data-item]"); });
  list.addEventListener("dragover", (event) => {
    const over = event.target.closest("[data-item]");
    if (!dragged || !over || over === dragged) return;
    event.preventDefault();
    const after = event.clientY > over.getBoundingClientRect().top + over.offsetHeight / 2;
    over.parentNode.insertBefore(dragged, after ? over.nextSibling : over);
  });
  list.addEventListener("drop", (event) => {
    event.preventDefault();
    const form = document.createElement("form");
    form.method = "post";
    form.action = list.dataset.reorderUrl;
    const order = [...list.querySelectorAll("[data-item]")].map((item) => item.dataset.item);
    const fields = { csrfmiddlewaretoken: document.querySelector("[name=csrfmiddlewaretoken]").value, action: "reorder", order: order.join(",") };
    for (const [name, value] of Object.entries(fields)) {
      const input = document.createElement("input");
      input.type = "hidden"; input.name = name; input.value = value;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  });
})();
