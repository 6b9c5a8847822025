// The idea wall: drag a card to another column. The card's own "Move" form stays the way to do it
// by keyboard and without JavaScript; dragging fills in that form and posts it in the background.
// When the background post fails, the form is sent the ordinary way so the server has the say.

const wall = document.querySelector(".ln-wall[data-moves]");
const status = document.getElementById("wall-status");

function moveForm(card) {
  return card.querySelector("form.ln-idea__move");
}

function recount() {
  for (const column of wall.querySelectorAll(".ln-wall__column")) {
    const count = column.querySelectorAll(".ln-idea").length;
    column.querySelector(".ln-wall__count").textContent = `(${count})`;
    column.querySelector(".ln-wall__empty").hidden = count > 0;
  }
}

async function move(card, column) {
  const form = moveForm(card);
  const select = form.querySelector("select");
  const label = column.dataset.group;
  if (select.value === label) return;
  select.value = label;
  if (select.value !== label) {
    form.submit();
    return;
  }
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        "X-CSRFToken": form.elements.csrfmiddlewaretoken.value,
      },
    });
    if (!response.ok) throw new Error(String(response.status));
    const answer = await response.json();
    column.querySelector(".ln-wall__cards").prepend(card);
    recount();
    status.textContent = answer.status;
  } catch {
    form.submit();
  }
}

if (wall && status) {
  let dragged = null;
  for (const card of wall.querySelectorAll(".ln-idea")) {
    if (!moveForm(card)) continue;
    card.draggable = true;
    card.classList.add("ln-idea--draggable");
    card.addEventListener("dragstart", (event) => {
      // Dragging to select text in a field must stay selecting text.
      if (event.target !== card) return;
      dragged = card;
      card.classList.add("ln-idea--dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", card.id);
    });
    card.addEventListener("dragend", () => {
      card.classList.remove("ln-idea--dragging");
      dragged = null;
    });
  }
  for (const column of wall.querySelectorAll(".ln-wall__column")) {
    column.addEventListener("dragover", (event) => {
      if (!dragged) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      column.classList.add("ln-wall__column--over");
    });
    column.addEventListener("dragleave", (event) => {
      if (!column.contains(event.relatedTarget)) column.classList.remove("ln-wall__column--over");
    });
    column.addEventListener("drop", (event) => {
      event.preventDefault();
      column.classList.remove("ln-wall__column--over");
      const card = dragged || document.getElementById(event.dataTransfer.getData("text/plain"));
      if (card && wall.contains(card)) move(card, column);
    });
  }
}
