// The editor page: each table goes to the server as one JSON field (any number of rows is
// one form field); rows are added from a template; before saving, the page checks that the
// session is still alive and takes the current CSRF token, so a save is never thrown away
// by an expired login: the user is told instead, and the input stays on the page.
(() => {
  const form = document.getElementById("editor");
  if (!form) return;
  const notice = document.querySelector(".session-lost");
  const fieldsOf = (element) => Object.fromEntries([...element.querySelectorAll("[data-field]")].map(
    (input) => [input.dataset.field, input.type === "checkbox" ? input.checked : input.value]));

  const sync = () => {
    const rows = [...form.querySelectorAll("#rows tr.ind-row")].map((tr) => (
      {...fieldsOf(tr), id: tr.dataset.id === undefined ? null : Number(tr.dataset.id)}));
    form.elements.indicators.value = JSON.stringify(rows);
    form.elements.sections.value = JSON.stringify([...form.querySelectorAll("#narrative .section")].map(fieldsOf));
  };
  const warn = (text) => {
    notice.textContent = text;
    notice.hidden = false;
    notice.scrollIntoView({block: "center"});
  };

  document.getElementById("add-row").addEventListener("click", () => {
    const row = document.getElementById("new-row").content.firstElementChild.cloneNode(true);
    row.querySelector("[data-field=order]").value = form.querySelectorAll("#rows tr.ind-row").length;
    form.querySelector("#rows").append(row);
    sync();
    row.querySelector("[data-field=name]").focus();
  });
  form.addEventListener("input", sync);
  form.addEventListener("change", sync);
  document.body.addEventListener("htmx:confirm", sync);
  document.body.addEventListener("htmx:beforeSwap", (event) => {
    if (event.detail.xhr.responseURL.includes("/login/")) {
      event.detail.shouldSwap = false;
      warn("登录已过期：请在新的浏览器标签页中重新登录，再回到本页按“保存”。本页的输入仍在，不会丢失。");
    }
  });

  let confirmed = false;
  form.addEventListener("submit", async (event) => {
    sync();
    if (confirmed) {
      confirmed = false;
      return;
    }
    event.preventDefault();
    let answer;
    try {
      answer = await fetch(form.dataset.session, {redirect: "manual", credentials: "same-origin", cache: "no-store"});
    } catch (error) {
      warn("无法连接服务器，修改未保存。本页的输入仍在，请稍后再按“保存”。");
      return;
    }
    if (answer.status !== 204) {
      warn("登录已过期：请在新的浏览器标签页中重新登录，再回到本页按“保存”。本页的输入仍在，不会丢失。");
      return;
    }
    const token = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    if (token) form.elements.csrfmiddlewaretoken.value = decodeURIComponent(token[1]);
    notice.hidden = true;
    confirmed = true;
    form.requestSubmit(event.submitter);
  });
  sync();
})();
