// Drag a card to another column to move it; the card's own form does the work, so the board
// also works with the keyboard (the menu) and without JavaScript.
(() => {
  const board = document.querySelector("[data-board]");
  if (!board) return;
  let dragged = null;
  board.addEventListener("dragstart", (event) => {
    dragged = event.target.closest(".board-card");
    if (dragged) event.dataTransfer.effectAllowed = "move";
  });
  board.addEventListener("dragover", (event) => {
    const column = event.target.closest("[data-status]");
    if (dragged && column && dragged.dataset.allowed.split(" ").includes(column.dataset.status)) {
      event.preventDefault();
      column.classList.add("is-target");
    }
  });
  board.addEventListener("dragleave", (event) => {
    const column = event.target.closest("[data-status]");
    if (column) column.classList.remove("is-target");
  });
  board.addEventListener("drop", (event) => {
    const column = event.target.closest("[data-status]");
    if (!dragged || !column) return;
    event.preventDefault();
    const form = dragged.querySelector(".move-form");
    form.querySelector("select").value = column.dataset.status;
    form.requestSubmit();
  });
})();
